package cn.jixiao.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The schema validator is built once: compiling the schema is the expensive part. */
@Configuration
public class ReportConfig {

  @Bean
  public ReportSchemaValidator reportSchemaValidator(ObjectMapper mapper) {
    return ReportSchemaValidator.fromClasspath(mapper);
  }
}

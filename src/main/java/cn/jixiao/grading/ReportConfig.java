package cn.jixiao.grading;

import cn.jixiao.report.ReportSchemaValidator;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The report schema's validator as a bean, built once: compiling the schema is the expensive part. */
@Configuration
class ReportConfig {

    @Bean
    public ReportSchemaValidator reportSchemaValidator(ObjectMapper mapper) {
        return ReportSchemaValidator.fromClasspath(mapper);
    }
}

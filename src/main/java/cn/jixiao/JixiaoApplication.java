package cn.jixiao;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class JixiaoApplication {

    public static void main(String[] args) {
        SpringApplication.run(JixiaoApplication.class, args);
    }
}

package uk.mentoring.reflection;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Reflections and development targets within pairings. Publishes onto {@code mentoring.reflection.v1}. */
@SpringBootApplication
public class ReflectionServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(ReflectionServiceApplication.class, args);
    }
}

package uk.mentoring.kit.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/** Each service's API description says every call needs a bearer token from the trust's identity provider. */
@AutoConfiguration
@ConditionalOnClass(OpenAPI.class)
public class ApiDocumentation {

    @Bean
    OpenAPI serviceApi(@Value("${spring.application.name}") String service) {
        return new OpenAPI()
                .info(new Info().title("Mentoring platform: " + service).version("v1")
                        .description("Every call needs a bearer token from the trust's identity provider. Errors are RFC 9457 problem+json."))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}

package io.qswarm.app.api;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document of the REST API ({@code /v3/api-docs}, browsable at {@code /swagger-ui.html}). */
@Configuration(proxyBeanMethods = false)
class OpenApiDocument {

    @Bean
    OpenAPI qswarmOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("QSwarm API")
                        .version("v1")
                        .description("Event-sourced Q-tables: create tables, record experience batches, merge peer"
                                + " knowledge, read summaries, entries, exports and greedy policies, audit histories."
                                + " Errors are RFC 9457 problem details with a stable code; see docs/api.md.")
                        .license(new License().name("QSwarm")));
    }
}

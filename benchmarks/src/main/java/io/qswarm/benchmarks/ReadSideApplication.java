package io.qswarm.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.qswarm.intelligence.api.ConfidencePolicy;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * The command side plus every read model: the {@code infra} configuration and the {@code projections} module with their
 * tracking processors and query handlers, as the QSwarm server runs them, without web server or agent runtime.
 */
@SpringBootApplication(scanBasePackages = {"io.qswarm.infra", "io.qswarm.projections"})
public class ReadSideApplication {

    /** The read models write a few JSON columns (action lists, schedules); the server uses Spring's mapper. */
    @Bean
    ObjectMapper objectMapper() {
        return new ObjectMapper().findAndRegisterModules();
    }

    @Bean
    ConfidencePolicy confidencePolicy() {
        return ConfidencePolicy.VISIT_RECIPROCAL;
    }
}

package io.qswarm.audit.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.qswarm.infra.axon.ValueRecordsModule;
import io.qswarm.intelligence.api.ConfidencePolicy;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** The real command side (infra) and read models (projections) on H2: what the audit reads and compares. */
@SpringBootApplication(scanBasePackages = {"io.qswarm.infra", "io.qswarm.projections"})
public class AuditTestApplication {

    /** The read models' JSON mapper, as the server's Spring Boot mapper writes it. */
    @Bean
    ObjectMapper objectMapper() {
        return JsonMapper.builder().addModule(new ValueRecordsModule()).build();
    }

    @Bean
    ConfidencePolicy confidencePolicy() {
        return ConfidencePolicy.VISIT_RECIPROCAL;
    }
}

package io.qswarm.app;

import io.qswarm.intelligence.api.ConfidencePolicy;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/** The QSwarm server: REST API, projections and the QTable command side on one embedded store. */
@SpringBootApplication(scanBasePackages = "io.qswarm")
@ConfigurationPropertiesScan
public class QSwarmApplication {

    /** Confidence shown by read models and exports; replace this bean to change the policy. */
    @Bean
    ConfidencePolicy confidencePolicy() {
        return ConfidencePolicy.VISIT_RECIPROCAL;
    }
}

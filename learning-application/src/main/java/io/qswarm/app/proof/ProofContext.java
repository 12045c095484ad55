package io.qswarm.app.proof;

import io.qswarm.app.QSwarmApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The context the proofs run in: the server's command side, read models and federation on the given store, without
 * a web server, with the proofs' additions ({@link FederationProofConfiguration}) and without the sync trigger (the
 * proofs start their rounds themselves, between learning blocks).
 */
public final class ProofContext {

    private ProofContext() {}

    public static ConfigurableApplicationContext open(String jdbcUrl) {
        return new SpringApplicationBuilder(QSwarmApplication.class)
                .profiles(FederationProofConfiguration.PROFILE)
                .web(WebApplicationType.NONE)
                .logStartupInfo(false)
                .run(
                        "--spring.datasource.url=" + jdbcUrl,
                        "--qswarm.federation.sync.enabled=false",
                        "--logging.level.root=WARN",
                        "--spring.main.banner-mode=off");
    }
}

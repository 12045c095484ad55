package io.qswarm.app.proof;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.Registration;
import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * What the federation proofs add to the server's context, under the profile {@value #PROFILE} only: the listener of
 * round ends (a subscribing processor) and the poisoned peers (who answer knowledge requests and drop merges). Swarms, rounds and the responder are the server's own
 * federation wiring ({@code FederationModule}); the proofs start their rounds themselves, so the server's sync trigger
 * is turned off in their context ({@link ProofContext}).
 */
@Configuration(proxyBeanMethods = false)
@Profile(FederationProofConfiguration.PROFILE)
public class FederationProofConfiguration {

    public static final String PROFILE = "federation-proof";

    @Bean
    RoundOutcomes roundOutcomes() {
        return new RoundOutcomes();
    }

    @Bean
    ConfigurerModule roundOutcomesAreSeenAtOnce() {
        return configurer ->
                configurer.eventProcessing().registerSubscribingEventProcessor(RoundOutcomes.PROCESSING_GROUP);
    }

    @Bean
    PoisonedPeers poisonedPeers(CommandGateway commands) {
        return new PoisonedPeers(commands);
    }

    /** Registered here, on the bus itself: the bean is no interceptor, so nothing registers it a second time. */
    @Bean
    Registration poisonedMergesIgnored(CommandBus commandBus, PoisonedPeers peers) {
        return commandBus.registerHandlerInterceptor(new PoisonedMergesIgnored(peers));
    }
}

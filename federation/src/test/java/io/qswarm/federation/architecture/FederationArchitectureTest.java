package io.qswarm.federation.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.qswarm.federation.api.RoundId;
import io.qswarm.federation.api.SwarmId;
import org.junit.jupiter.api.Test;

/**
 * Federation talks to tables through their api records only, keeps its decisions deterministic, and keeps each part in
 * its lane. {@code allowEmptyShould(false)} makes every rule fail if its package is empty, so a move cannot pass
 * silently.
 */
class FederationArchitectureTest {

    private static final String FEDERATION = "io.qswarm.federation..";
    private static final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.qswarm.federation");

    @Test
    void federationUsesTheIntelligenceApiAndNotTheAggregate() {
        noClasses()
                .that()
                .resideInAPackage(FEDERATION)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.qswarm.intelligence.domain..",
                        "io.qswarm.projections..",
                        "io.qswarm.infra..",
                        "io.qswarm.app..",
                        "jakarta.persistence..",
                        "java.sql..")
                .allowEmptyShould(false)
                .check(classes);
    }

    @Test
    void ofTheIntelligenceDomainFederationUsesTheApiOnly() {
        noClasses()
                .that()
                .resideInAPackage(FEDERATION)
                .should()
                .dependOnClassesThat(resideInAPackage("io.qswarm.intelligence..")
                        .and(DescribedPredicate.not(resideInAPackage("io.qswarm.intelligence.api.."))))
                .allowEmptyShould(false)
                .check(classes);
    }

    @Test
    void federationKnowsNoSpring() {
        noClasses()
                .that()
                .resideInAPackage(FEDERATION)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "jakarta.servlet..")
                .allowEmptyShould(false)
                .check(classes);
    }

    @Test
    void decisionsReadNoClockAndDrawNoUnseededRandomness() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "io.qswarm.federation.domain..",
                        "io.qswarm.federation.aggregation..",
                        "io.qswarm.federation.saga..",
                        "io.qswarm.federation.participant..")
                .should()
                .dependOnClassesThat()
                .haveFullyQualifiedName("java.util.Random")
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName("java.util.concurrent.ThreadLocalRandom")
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName("java.time.Clock")
                .orShould()
                .callMethod(Math.class, "random")
                .orShould()
                .callMethod(System.class, "currentTimeMillis")
                .orShould()
                .callMethod(System.class, "nanoTime")
                .orShould()
                .callMethod(java.time.Instant.class, "now")
                .orShould()
                .callMethod(java.util.UUID.class, "randomUUID")
                .allowEmptyShould(false)
                .check(classes);
    }

    @Test
    void aggregationIsPureMath() {
        noClasses()
                .that()
                .resideInAPackage("io.qswarm.federation.aggregation..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.axonframework..",
                        "io.qswarm.federation.domain..",
                        "io.qswarm.federation.saga..",
                        "io.qswarm.federation.participant..",
                        "io.qswarm.federation.config..")
                .allowEmptyShould(false)
                .check(classes);
    }

    @Test
    void theApiDoesNotKnowTheImplementation() {
        noClasses()
                .that()
                .resideInAPackage("io.qswarm.federation.api..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.qswarm.federation.domain..",
                        "io.qswarm.federation.aggregation..",
                        "io.qswarm.federation.saga..",
                        "io.qswarm.federation.participant..",
                        "io.qswarm.federation.config..")
                .allowEmptyShould(false)
                .check(classes);
    }

    @Test
    void theSagaHoldsOnlyIds() {
        fields().that()
                .areDeclaredInClassesThat()
                .haveSimpleNameEndingWith("Saga")
                .and()
                .areNotStatic()
                .should()
                .haveRawType(equivalentTo(SwarmId.class)
                        .or(equivalentTo(RoundId.class))
                        .or(equivalentTo(boolean.class))
                        .as("an id or a flag"))
                .allowEmptyShould(false)
                .check(classes);
    }

    @Test
    void theSagaDoesNotDecideWhatTheSwarmDecides() {
        noClasses()
                .that()
                .resideInAPackage("io.qswarm.federation.saga..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.qswarm.federation.aggregation..", "io.qswarm.federation.domain..")
                .allowEmptyShould(false)
                .check(classes);
    }

    @Test
    void theTransportIsPureAndTransportNeutral() {
        noClasses()
                .that()
                .resideInAPackage("io.qswarm.federation.transport..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.axonframework..",
                        "java.net.http..",
                        "io.qswarm.federation.domain..",
                        "io.qswarm.federation.saga..",
                        "io.qswarm.federation.participant..",
                        "io.qswarm.federation.config..")
                .orShould()
                .callMethod(System.class, "currentTimeMillis")
                .orShould()
                .callMethod(System.class, "nanoTime")
                .orShould()
                .callMethod(java.time.Instant.class, "now")
                .orShould()
                .callMethod(Math.class, "random")
                .orShould()
                .callMethod(java.util.UUID.class, "randomUUID")
                .orShould()
                .callConstructor(java.security.SecureRandom.class)
                .orShould()
                .callConstructor(java.util.Random.class)
                .allowEmptyShould(false)
                .check(classes);
    }
}

package io.qswarm.intelligence.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The domain stays pure: no Spring, JPA, web or our outer modules, and nothing that breaks deterministic replay.
 * {@code allowEmptyShould(false)} makes every rule fail if its package is empty, so a move cannot pass silently.
 */
class DomainArchitectureTest {

    private static final String DOMAIN = "io.qswarm.intelligence..";
    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.qswarm.intelligence");

    @Test
    void theDomainDependsOnNoFrameworkButAxonAndNoOuterModule() {
        noClasses()
                .that()
                .resideInAPackage(DOMAIN)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.springframework..",
                        "jakarta.persistence..",
                        "javax.persistence..",
                        "jakarta.servlet..",
                        "java.sql..",
                        "io.qswarm.infra..",
                        "io.qswarm.projections..",
                        "io.qswarm.federation..",
                        "io.qswarm.app..")
                .allowEmptyShould(false)
                .check(classes);
    }

    @Test
    void theApiDoesNotKnowTheAggregate() {
        noClasses()
                .that()
                .resideInAPackage("io.qswarm.intelligence.api..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.qswarm.intelligence.domain..", "io.qswarm.intelligence.learning..")
                .allowEmptyShould(false)
                .check(classes);
    }

    @Test
    void aggregatesAndLearningMathReadNoClockAndDrawNoRandomness() {
        noClasses()
                .that()
                .resideInAnyPackage("io.qswarm.intelligence.domain..", "io.qswarm.intelligence.learning..")
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
}

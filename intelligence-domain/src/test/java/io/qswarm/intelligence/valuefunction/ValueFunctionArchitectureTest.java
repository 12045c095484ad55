package io.qswarm.intelligence.valuefunction;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Value functions are part of what a table replays: no clock and no randomness but the seed their spec carries
 * ({@link SeedSequence}), and no dependency on the aggregate. Fails if the package is empty.
 */
class ValueFunctionArchitectureTest {

    private static final String PACKAGE = "io.qswarm.intelligence.valuefunction..";
    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.qswarm.intelligence.valuefunction");

    @Test
    void valueFunctionsReadNoClockAndDrawNoRandomness() {
        noClasses()
                .that()
                .resideInAPackage(PACKAGE)
                .should()
                .dependOnClassesThat()
                .haveFullyQualifiedName("java.util.Random")
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName("java.util.SplittableRandom")
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName("java.util.random.RandomGenerator")
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
                .allowEmptyShould(false)
                .check(classes);
    }

    @Test
    void valueFunctionsDoNotKnowTheAggregate() {
        noClasses()
                .that()
                .resideInAPackage(PACKAGE)
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.qswarm.intelligence.domain..")
                .allowEmptyShould(false)
                .check(classes);
    }
}

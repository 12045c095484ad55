package io.qswarm.intelligence.bandit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The bandit messages stand alone, and the bandit math draws randomness only from a generator its caller passes in.
 * {@code allowEmptyShould(false)}: the rules fail if their packages are moved away.
 */
class BanditArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.qswarm.intelligence");

    @Test
    void theBanditApiKnowsNeitherTheMathNorTheAggregate() {
        noClasses()
                .that()
                .resideInAPackage("io.qswarm.intelligence.bandit.api..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.qswarm.intelligence.bandit", "io.qswarm.intelligence.domain..")
                .allowEmptyShould(false)
                .check(classes);
    }

    @Test
    void theBanditMathReadsNoClockAndHasNoRandomnessOfItsOwn() {
        noClasses()
                .that()
                .resideInAPackage("io.qswarm.intelligence.bandit..")
                .should()
                .dependOnClassesThat()
                .haveFullyQualifiedName("java.util.Random")
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName("java.util.SplittableRandom")
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
                .orShould()
                .callMethod(java.util.random.RandomGenerator.class, "getDefault")
                .allowEmptyShould(false)
                .check(classes);
    }
}

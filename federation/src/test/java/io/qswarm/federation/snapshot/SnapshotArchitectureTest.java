package io.qswarm.federation.snapshot;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Snapshots are plain files and signatures: no Axon, time only from the injected clock, no randomness. */
class SnapshotArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.qswarm.federation.snapshot");

    @Test
    void snapshotsReadTimeFromTheClockTheyAreGivenAndDrawNoRandomness() {
        noClasses()
                .that()
                .resideInAPackage("io.qswarm.federation.snapshot..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.axonframework..", "org.springframework..")
                .orShould()
                .callMethod(System.class, "currentTimeMillis")
                .orShould()
                .callMethod(System.class, "nanoTime")
                .orShould()
                .callMethod(java.time.Instant.class, "now")
                .orShould()
                .callMethod(java.time.Clock.class, "systemUTC")
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

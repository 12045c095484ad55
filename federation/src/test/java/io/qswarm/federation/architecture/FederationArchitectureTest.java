package io.qswarm.federation.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Federation talks to tables through their api records only. */
class FederationArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.qswarm.federation");

    @Test
    void federationUsesTheIntelligenceApiAndNotTheAggregate() {
        noClasses()
                .that()
                .resideInAPackage("io.qswarm.federation..")
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
}

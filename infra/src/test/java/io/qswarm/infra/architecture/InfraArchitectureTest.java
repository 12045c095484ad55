package io.qswarm.infra.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Infrastructure configures the stack; it knows no web layer, read model or federation logic. */
class InfraArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.qswarm.infra");

    @Test
    void infraDependsOnNoOuterModule() {
        noClasses()
                .that()
                .resideInAPackage("io.qswarm.infra..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.qswarm.app..",
                        "io.qswarm.projections..",
                        "io.qswarm.federation..",
                        "org.springframework.web..")
                .allowEmptyShould(false)
                .check(classes);
    }
}

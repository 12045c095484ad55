package io.qswarm.audit.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The auditor is an independent check of the aggregate: it re-derives every value with its own fold and the shared
 * learning math, so it never uses the aggregate class, Axon's repositories or event store, nor any web layer.
 */
class AuditArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.qswarm.audit");

    @Test
    void theAuditNeverUsesTheAggregateItVerifies() {
        noClasses()
                .that()
                .resideInAPackage("io.qswarm.audit..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.qswarm.intelligence.domain..",
                        "org.axonframework.eventsourcing..",
                        "org.axonframework.modelling..",
                        "io.qswarm.app..",
                        "org.springframework.web..",
                        "org.springframework.boot..")
                .allowEmptyShould(false)
                .check(classes);
    }
}

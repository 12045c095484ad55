package io.qswarm.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The application reaches tables through commands and queries: it never touches the aggregate or the event store
 * directly, and the web layer stays out of the CLI.
 */
class ApplicationArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.qswarm.app");

    @Test
    void theApplicationSendsMessagesInsteadOfLoadingAggregates() {
        noClasses()
                .that()
                .resideInAPackage("io.qswarm.app..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.qswarm.intelligence.domain..",
                        "org.axonframework.eventsourcing..",
                        "org.axonframework.modelling.command.Repository")
                .allowEmptyShould(false)
                .check(classes);
    }

    @Test
    void theCliDoesNotDependOnTheWebLayer() {
        noClasses()
                .that()
                .resideInAPackage("io.qswarm.app.cli..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.qswarm.app.api..", "org.springframework.web..")
                .allowEmptyShould(false)
                .check(classes);
    }
}

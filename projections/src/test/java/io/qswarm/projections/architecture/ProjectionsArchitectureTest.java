package io.qswarm.projections.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.junit.jupiter.api.Test;

/** Projections read the api records only, never the aggregate or the learning internals. */
class ProjectionsArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.qswarm.projections");

    @Test
    void projectionsDependOnTheApiRecordsOnly() {
        noClasses()
                .that()
                .resideInAPackage("io.qswarm.projections..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.qswarm.intelligence.domain..",
                        "io.qswarm.intelligence.learning..",
                        "io.qswarm.federation..",
                        "io.qswarm.infra..",
                        "io.qswarm.app..")
                .allowEmptyShould(false)
                .check(classes);
    }

    @Test
    void everyEventHandlingClassNamesItsProcessingGroup() {
        classes()
                .that()
                .containAnyMethodsThat(
                        com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.annotatedWith(
                                EventHandler.class))
                .should()
                .beAnnotatedWith(ProcessingGroup.class)
                .allowEmptyShould(false)
                .check(classes);
    }
}

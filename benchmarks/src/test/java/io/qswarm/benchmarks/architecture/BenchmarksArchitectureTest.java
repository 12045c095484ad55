package io.qswarm.benchmarks.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Benchmarks measure QSwarm the way its clients use it: through commands on the command bus, on the same
 * infrastructure as the server, but without the web application around it.
 */
class BenchmarksArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.qswarm.benchmarks");

    @Test
    void benchmarksDoNotDependOnTheWebApplication() {
        noClasses()
                .that()
                .resideInAPackage("io.qswarm.benchmarks..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.qswarm.app..", "org.springframework.web..")
                .allowEmptyShould(false)
                .check(classes);
    }

    @Test
    void benchmarksReachTheAggregateOnlyThroughCommands() {
        noClasses()
                .that()
                .resideInAPackage("io.qswarm.benchmarks..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.qswarm.intelligence.domain..", "io.qswarm.intelligence.learning..")
                .because("a benchmark that calls the aggregate or the learning math directly skips the write path")
                .allowEmptyShould(false)
                .check(classes);
    }
}

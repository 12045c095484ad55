package io.qswarm.environments.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The environments are a leaf: pure Java plus Jackson, no Spring, no Axon, no other QSwarm module, and no randomness
 * or clock of their own (every random number comes from the caller's generator). {@code allowEmptyShould(false)} makes
 * each rule fail if the package is empty.
 */
class EnvironmentsArchitectureTest {

    private static final String ENVIRONMENTS = "io.qswarm.environments..";

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.qswarm");

    @Test
    void environmentsDependOnNoSpringNoAxonAndNoOtherQSwarmModule() {
        DescribedPredicate<JavaClass> otherQSwarmModule = DescribedPredicate.describe(
                "reside in io.qswarm outside io.qswarm.environments",
                c -> c.getPackageName().startsWith("io.qswarm")
                        && !c.getPackageName().startsWith("io.qswarm.environments"));
        noClasses()
                .that()
                .resideInAPackage(ENVIRONMENTS)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "org.axonframework..")
                .orShould()
                .dependOnClassesThat(otherQSwarmModule)
                .allowEmptyShould(false)
                .check(classes);
    }

    @Test
    void environmentsDrawNoRandomnessAndReadNoClockOfTheirOwn() {
        noClasses()
                .that()
                .resideInAPackage(ENVIRONMENTS)
                .should()
                .dependOnClassesThat()
                .haveFullyQualifiedName("java.util.Random")
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName("java.util.concurrent.ThreadLocalRandom")
                .orShould()
                .callMethod(Math.class, "random")
                .orShould()
                .callMethod(System.class, "currentTimeMillis")
                .orShould()
                .callMethod(System.class, "nanoTime")
                .allowEmptyShould(false)
                .check(classes);
    }
}

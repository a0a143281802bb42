package dev.avatarkit.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every rule against every production class of every module. */
class ArchitectureTest {
    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("/architecture-tests/"))
                .importPackages("dev.avatarkit");
    }

    @org.junit.jupiter.api.Test
    void everyModuleIsImported() {
        // in a reactor build the other modules arrive as jars: make sure none is silently missing
        for (String pkg : java.util.List.of(
                "dev.avatarkit.core",
                "dev.avatarkit.heygen",
                "dev.avatarkit.did",
                "dev.avatarkit.storage",
                "dev.avatarkit.sim",
                "dev.avatarkit.didsim",
                "dev.avatarkit.runtime",
                "dev.avatarkit.cli",
                "dev.avatarkit.http")) {
            org.assertj.core.api.Assertions.assertThat(production.stream()
                            .anyMatch(c -> c.getPackageName().equals(pkg)
                                    || c.getPackageName().startsWith(pkg + ".")))
                    .as("classes of %s imported", pkg)
                    .isTrue();
        }
    }

    static Stream<ArchRule> rules() {
        return new ArchitectureRules("dev.avatarkit").all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void productionCodeFollows(ArchRule rule) {
        rule.check(production);
    }
}

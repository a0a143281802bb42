package dev.avatarkit.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import dev.avatarkit.fixtures.core.CoreClassUsingOkHttp;
import dev.avatarkit.fixtures.cyclea.A;
import dev.avatarkit.fixtures.cycleb.B;
import dev.avatarkit.fixtures.heygen.HeyGenClassUsingStorage;
import dev.avatarkit.fixtures.runtime.RuntimeServiceUsingGuice;
import dev.avatarkit.fixtures.sim.SimClassUsingCore;
import dev.avatarkit.fixtures.storage.StorageClassUsingHeyGen;
import dev.avatarkit.fixtures.storage.jdbc.JdbcClassUsingAws;
import org.junit.jupiter.api.Test;

/**
 * Each rule, run on fixture classes that break it, reports a violation: a rule that cannot fail proves nothing.
 * The fixtures live under {@code dev.avatarkit.fixtures.<layer>}, and the rules are built for that root.
 */
class ArchitectureRulesCanFailTest {
    private final ArchitectureRules rules = new ArchitectureRules("dev.avatarkit.fixtures");

    @Test
    void coreAllowListCatchesAThirdPartyImport() {
        assertViolates(rules.coreDependsOnlyOnTheJdk, CoreClassUsingOkHttp.class);
    }

    @Test
    void httpClientRuleCatchesOkHttpOutsideTheAdapter() {
        assertViolates(rules.httpClientOnlyInHeyGenAdapterAndSimulator, CoreClassUsingOkHttp.class);
    }

    @Test
    void awsRuleCatchesTheSdkOutsideTheS3Package() {
        assertViolates(rules.awsSdkOnlyInS3Package, JdbcClassUsingAws.class);
    }

    @Test
    void jdbcRuleCatchesJdbcOutsideStorage() {
        assertViolates(rules.jdbcOnlyInStorage, RuntimeServiceUsingGuice.class);
    }

    @Test
    void guiceRuleCatchesInjectOutsideModules() {
        assertViolates(rules.guiceOnlyInModulesAndAppRoots, RuntimeServiceUsingGuice.class);
    }

    @Test
    void injectorRuleCatchesACommandLookingThingsUp() {
        assertViolates(
                rules.cliAsksTheInjectorOnlyInItsRoot, dev.avatarkit.fixtures.cli.CommandAskingTheInjector.class);
    }

    @Test
    void injectorRuleLetsTheAppRootBuildItsRun() {
        JavaClasses classes = new ClassFileImporter()
                .importClasses(
                        dev.avatarkit.fixtures.cli.Main.class,
                        dev.avatarkit.fixtures.cli.CommandAskingTheInjector.class);
        assertThat(rules.cliAsksTheInjectorOnlyInItsRoot
                        .evaluate(classes)
                        .getFailureReport()
                        .getDetails())
                .isNotEmpty()
                .allMatch(line -> line.contains("CommandAskingTheInjector"));
    }

    @Test
    void cycleRuleCatchesAPackageCycle() {
        assertViolates(rules.noPackageCycles, A.class, B.class);
    }

    @Test
    void heygenAdapterRuleCatchesItUsingStorage() {
        assertViolates(rules.heygenAdapterDependsOnCoreOnly, HeyGenClassUsingStorage.class);
    }

    @Test
    void storageAdapterRuleCatchesItUsingHeyGen() {
        assertViolates(rules.storageAdapterDependsOnCoreOnly, StorageClassUsingHeyGen.class);
    }

    @Test
    void simulatorRuleCatchesSharedCode() {
        assertViolates(rules.simulatorSharesNoCode, SimClassUsingCore.class);
    }

    @Test
    void providerRuleCatchesTheRuntimeNamingAProvider() {
        assertViolates(
                rules.appsAndRuntimeNameNoProvider, dev.avatarkit.fixtures.runtime.RuntimeClassNamingHeyGen.class);
    }

    @Test
    void theFixturesThemselvesPassTheRulesTheyDoNotTarget() {
        // guards against a rule that fails on everything: the clean core fixture passes the core rule
        JavaClasses clean = new ClassFileImporter().importClasses(dev.avatarkit.fixtures.core.CleanCoreClass.class);
        assertThat(rules.coreDependsOnlyOnTheJdk.evaluate(clean).hasViolation()).isFalse();
    }

    private static void assertViolates(ArchRule rule, Class<?>... fixtures) {
        JavaClasses classes = new ClassFileImporter().importClasses(fixtures);
        assertThat(rule.evaluate(classes).hasViolation())
                .as("rule '%s' should reject %s", rule.getDescription(), fixtures[0].getSimpleName())
                .isTrue();
    }
}

package dev.avatarkit.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;
import java.util.List;

/**
 * The dependency rules of DESIGN §1 and STYLE, named so a failure says which rule broke. Built for a root package
 * so the same rules run on production code ({@code dev.avatarkit}) and on fixtures that break them on purpose.
 *
 * <p>When one fails: move the code to the layer that owns the dependency (a port in core, an adapter behind it)
 * rather than widening the rule; if a rule itself is wrong, change it here with a comment saying why.
 */
final class ArchitectureRules {
    final ArchRule coreDependsOnlyOnTheJdk;
    final ArchRule httpClientOnlyInHeyGenAdapterAndSimulator;
    final ArchRule awsSdkOnlyInS3Package;
    final ArchRule jdbcOnlyInStorage;
    final ArchRule guiceOnlyInModulesAndAppRoots;
    final ArchRule cliAsksTheInjectorOnlyInItsRoot;
    final ArchRule noPackageCycles;
    final ArchRule heygenAdapterDependsOnCoreOnly;
    final ArchRule storageAdapterDependsOnCoreOnly;
    final ArchRule simulatorSharesNoCode;
    final ArchRule appsAndRuntimeNameNoProvider;
    final ArchRule providersShareNoCode;

    /** Every provider's and simulator's packages, under the root. */
    static final List<String> PROVIDER_PACKAGES = List.of(".heygen..", ".did..", ".sim..", ".didsim..");

    ArchitectureRules(String root) {
        String core = root + ".core..";
        String heygen = root + ".heygen..";
        String did = root + ".did..";
        String didsim = root + ".didsim..";
        String storage = root + ".storage..";
        String sim = root + ".sim..";
        String cli = root + ".cli..";
        String http = root + ".http..";
        String runtime = root + ".runtime..";

        // javax.imageio / java.awt: the influencer contact sheet is drawn with the JDK's own imaging
        coreDependsOnlyOnTheJdk = classes()
                .that()
                .resideInAPackage(core)
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(core, "java..", "javax.imageio..")
                .as("core depends only on the JDK");
        // Okio itself is allowed wherever Moshi is (it is Moshi's streaming layer); the HTTP client is not
        httpClientOnlyInHeyGenAdapterAndSimulator = noClasses()
                .that()
                .resideInAPackage(root + "..")
                .and()
                .resideOutsideOfPackages(heygen, did, sim, didsim)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("retrofit2..", "okhttp3..")
                .as("Retrofit/OkHttp only in the provider adapters and simulators");
        awsSdkOnlyInS3Package = noClasses()
                .that()
                .resideInAPackage(root + "..")
                .and()
                .resideOutsideOfPackage(root + ".storage.s3..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("software.amazon.awssdk..")
                .as("the AWS SDK only in the storage.s3 package");
        jdbcOnlyInStorage = noClasses()
                .that()
                .resideInAPackage(root + "..")
                .and()
                .resideOutsideOfPackage(storage)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "java.sql..",
                        "javax.sql..",
                        "org.flywaydb..",
                        "com.zaxxer.hikari..",
                        "com.github.kagkarlsson..")
                .as("JDBC only in the job store (jobstore-jdbc)");
        guiceOnlyInModulesAndAppRoots = noClasses()
                .that()
                .resideInAPackage(root + "..")
                .and()
                .haveSimpleNameNotEndingWith("Module")
                .and()
                .doNotHaveFullyQualifiedName(root + ".runtime.Platform")
                .and()
                .resideOutsideOfPackages(cli, http)
                .should()
                .dependOnClassesThat()
                .resideInAPackage("com.google.inject..")
                .as("Guice only in *Module classes, the app roots and runtime's Platform (the injector's handle)");
        // commands get their use cases injected (as providers, built when called): a lookup by class elsewhere would
        // be a service locator beside the injector (issue #14)
        cliAsksTheInjectorOnlyInItsRoot = noClasses()
                .that()
                .resideInAPackage(cli)
                .and()
                .doNotHaveFullyQualifiedName(root + ".cli.Main")
                .and()
                .doNotHaveFullyQualifiedName(root + ".cli.GuiceFactory")
                .should()
                .callMethodWhere(target(owner(assignableTo("com.google.inject.Injector")))
                        .and(target(nameMatching("getInstance|getProvider|createChildInjector"))))
                .as("in app-cli only Main and picocli's GuiceFactory ask the injector for objects");
        noPackageCycles =
                slices().matching(root + ".(**)").should().beFreeOfCycles().as("no cycles between packages");
        heygenAdapterDependsOnCoreOnly = noClasses()
                .that()
                .resideInAnyPackage(heygen, did)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(storage, cli, http, runtime, sim, didsim)
                .as("a provider adapter depends on core only, not on other adapters, simulators or apps");
        providersShareNoCode = noClasses()
                .that()
                .resideInAPackage(did)
                .should()
                .dependOnClassesThat()
                .resideInAPackage(heygen)
                .as("the D-ID adapter shares no code with the HeyGen adapter");
        storageAdapterDependsOnCoreOnly = noClasses()
                .that()
                .resideInAPackage(storage)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(heygen, did, cli, http, runtime, sim, didsim)
                .as("the stores depend on core only, not on providers, simulators or apps");
        // the simulator is written from the reference alone, so that a misreading on either side fails a test; it
        // implements only the sandbox plugin interface (core.spi) so that --sandbox can find it
        simulatorSharesNoCode = noClasses()
                .that()
                .resideInAnyPackage(sim, didsim)
                .should()
                .dependOnClassesThat(resideInAnyPackage(core, heygen, did, storage, runtime, cli, http)
                        .and(not(resideInAPackage(root + ".core.spi.."))))
                .as("the simulators share no code with avatarkit (they implement the sandbox plugin interface only)");
        // providers are plugins found at run time: adding one touches no line of core, runtime or the apps
        appsAndRuntimeNameNoProvider = noClasses()
                .that()
                .resideInAnyPackage(core, runtime, cli, http)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        PROVIDER_PACKAGES.stream().map(p -> root + p).toArray(String[]::new))
                .as("core, runtime, app-cli and app-http import nothing from any provider or simulator package");
    }

    List<ArchRule> all() {
        return List.of(
                coreDependsOnlyOnTheJdk,
                httpClientOnlyInHeyGenAdapterAndSimulator,
                awsSdkOnlyInS3Package,
                jdbcOnlyInStorage,
                guiceOnlyInModulesAndAppRoots,
                cliAsksTheInjectorOnlyInItsRoot,
                noPackageCycles,
                heygenAdapterDependsOnCoreOnly,
                storageAdapterDependsOnCoreOnly,
                simulatorSharesNoCode,
                appsAndRuntimeNameNoProvider,
                providersShareNoCode);
    }
}

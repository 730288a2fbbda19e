package dev.preflight;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The package rules of the architecture guide: dependencies point inward. */
@Timeout(60)
class ArchitectureTest {
  private static final JavaClasses MAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.preflight");

  @Test
  void layersDependInward() {
    ArchRule rule =
        Architectures.layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .withOptionalLayers(true)
            .layer("common")
            .definedBy("dev.preflight.common..")
            .layer("catalog")
            .definedBy("dev.preflight.catalog..")
            .layer("export")
            .definedBy("dev.preflight.export..")
            .layer("probe")
            .definedBy("dev.preflight.probe")
            .layer("net")
            .definedBy("dev.preflight.probe.net..")
            .layer("policy")
            .definedBy("dev.preflight.policy..")
            .layer("verdict")
            .definedBy("dev.preflight.verdict..")
            .layer("report")
            .definedBy("dev.preflight.report..")
            .layer("run")
            .definedBy("dev.preflight.run..")
            .layer("monitor")
            .definedBy("dev.preflight.monitor..")
            .layer("cli")
            .definedBy("dev.preflight.cli..")
            .whereLayer("cli")
            .mayNotBeAccessedByAnyLayer()
            .whereLayer("monitor")
            .mayOnlyBeAccessedByLayers("cli")
            .whereLayer("run")
            .mayOnlyBeAccessedByLayers("monitor", "cli")
            .whereLayer("report")
            .mayOnlyBeAccessedByLayers("run", "monitor", "cli")
            .whereLayer("verdict")
            .mayOnlyBeAccessedByLayers("report", "run", "monitor", "cli")
            .whereLayer("export")
            .mayOnlyBeAccessedByLayers("run", "monitor", "cli")
            .whereLayer("policy")
            .mayOnlyBeAccessedByLayers("verdict", "report", "run", "monitor", "cli")
            .whereLayer("probe")
            .mayOnlyBeAccessedByLayers("verdict", "report", "run", "monitor", "cli")
            .whereLayer("net")
            .mayOnlyBeAccessedByLayers("probe", "run", "monitor", "cli")
            .whereLayer("catalog")
            .mayOnlyBeAccessedByLayers(
                "export", "probe", "net", "policy", "verdict", "report", "run", "monitor", "cli");
    rule.check(MAIN);
  }

  @Test
  void catalogDependsOnNothingOfOurs() {
    noClasses()
        .that()
        .resideInAPackage("dev.preflight.catalog..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.preflight.probe..",
            "dev.preflight.policy..",
            "dev.preflight.verdict..",
            "dev.preflight.report..",
            "dev.preflight.export..",
            "dev.preflight.cli..")
        .check(MAIN);
  }

  @Test
  void policyDoesNotTouchProbesOrNetwork() {
    noClasses()
        .that()
        .resideInAPackage("dev.preflight.policy..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.preflight.probe..", "java.net.http..")
        .check(MAIN);
  }

  @Test
  void onlyProbeNetOpensSockets() {
    noClasses()
        .that()
        .resideOutsideOfPackage("dev.preflight.probe.net..")
        .should()
        .dependOnClassesThat()
        .haveFullyQualifiedName("java.net.Socket")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("java.net.DatagramSocket")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("java.net.InetAddress")
        .check(MAIN);
  }

  @Test
  void noPackageCycles() {
    slices().matching("dev.preflight.(*)..").should().beFreeOfCycles().check(MAIN);
  }
}

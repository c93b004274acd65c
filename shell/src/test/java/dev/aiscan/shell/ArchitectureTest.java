package dev.aiscan.shell;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Keeps the module boundaries of docs/architecture.md true. */
class ArchitectureTest {
  static JavaClasses aiscan;

  @BeforeAll
  static void importClasses() {
    aiscan =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.aiscan");
  }

  @Test
  void coreDependsOnNoOtherModule() {
    noClasses()
        .that()
        .resideInAPackage("dev.aiscan.core..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.aiscan.rules..",
            "dev.aiscan.connectors..",
            "dev.aiscan.reports..",
            "dev.aiscan.graph..",
            "dev.aiscan.shell..")
        .check(aiscan);
  }

  @Test
  void sinksOnlyReadTheResult() {
    for (String sink : new String[] {"dev.aiscan.reports..", "dev.aiscan.graph.."}) {
      noClasses()
          .that()
          .resideInAPackage(sink)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("dev.aiscan.rules..", "dev.aiscan.connectors..", "dev.aiscan.shell..")
          .check(aiscan);
    }
  }

  @Test
  void theRegisterFilesKnowOnlyTheCore() {
    noClasses()
        .that()
        .resideInAPackage("dev.aiscan.register..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.aiscan.rules..",
            "dev.aiscan.connectors..",
            "dev.aiscan.reports..",
            "dev.aiscan.graph..",
            "dev.aiscan.shell..")
        .check(aiscan);
  }

  @Test
  void rulesAndConnectorsNeverDependOnEachOther() {
    noClasses()
        .that()
        .resideInAPackage("dev.aiscan.rules..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.aiscan.connectors..", "dev.aiscan.reports..", "dev.aiscan.shell..")
        .check(aiscan);
    noClasses()
        .that()
        .resideInAPackage("dev.aiscan.connectors..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.aiscan.rules..", "dev.aiscan.reports..", "dev.aiscan.shell..")
        .check(aiscan);
  }

  /**
   * Each connector family reads its own kind of place: none uses another (the SaaS sources share
   * only their HTTP client and tenant scan, {@code dev.aiscan.connectors.saas} and {@code .http}).
   */
  @Test
  void cloudAndSaasConnectorsNeverDependOnEachOther() {
    List<String> families =
        List.of(
            "dev.aiscan.connectors.source..",
            "dev.aiscan.connectors.dependencies..",
            "dev.aiscan.connectors.aws..",
            "dev.aiscan.connectors.azure..",
            "dev.aiscan.connectors.saas.slack..",
            "dev.aiscan.connectors.saas.ai..",
            "dev.aiscan.connectors.saas.m365..",
            "dev.aiscan.connectors.saas.google..",
            "dev.aiscan.connectors.saas.github..");
    for (String from : families) {
      for (String to : families) {
        if (!from.equals(to)) {
          noClasses()
              .that()
              .resideInAPackage(from)
              .should()
              .dependOnClassesThat()
              .resideInAPackage(to)
              .allowEmptyShould(true)
              .check(aiscan);
        }
      }
    }
  }

  @Test
  void connectorsNeverDependOnEachOtherOnlyOnTheirSupportLibrary() {
    noClasses()
        .that()
        .resideInAPackage("dev.aiscan.connectors.source..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.aiscan.connectors.dependencies..")
        .check(aiscan);
    noClasses()
        .that()
        .resideInAPackage("dev.aiscan.connectors.dependencies..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.aiscan.connectors.source..")
        .check(aiscan);
  }

  @Test
  void springLivesOnlyInTheShell() {
    noClasses()
        .that()
        .resideOutsideOfPackage("dev.aiscan.shell..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.springframework..")
        .check(aiscan);
  }

  @Test
  void onlyTheShellReadsTheEnvironmentAndSystemProperties() {
    noClasses()
        .that()
        .resideOutsideOfPackage("dev.aiscan.shell..")
        .should()
        .callMethod(System.class, "getenv", String.class)
        .orShould()
        .callMethod(System.class, "getenv")
        .orShould()
        .callMethod(System.class, "getProperty", String.class)
        .check(aiscan);
  }
}

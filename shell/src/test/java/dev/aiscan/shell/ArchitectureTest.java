package dev.aiscan.shell;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
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

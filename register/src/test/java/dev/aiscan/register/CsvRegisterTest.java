package dev.aiscan.register;

import static dev.aiscan.register.RegisterFilesTest.KNOWN;
import static dev.aiscan.register.RegisterFilesTest.register;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aiscan.core.register.Register;
import dev.aiscan.core.register.RegisterEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvRegisterTest {

  @Test
  void quotedCellsMayHoldCommasQuotesAndLineBreaks() {
    Path file = register("quoting.csv");
    Register register = RegisterFiles.read(file, Set.of());

    RegisterEntry support = register.entries().get(0);
    assertThat(support.name()).isEqualTo("Support reply assistant, v2");
    assertThat(support.purpose())
        .isEqualTo("Drafts replies \"as the agent\",\nthen waits for approval");
    assertThat(support.owner()).isEqualTo("Support Platform <support@example.com>");
    assertThat(support.selectors().providers()).containsExactly("openai", "azure-openai");
    assertThat(support.selectors().repositories())
        .containsExactly("support-desk", "support-desk-*");
    assertThat(support.selectors().tags())
        .isEqualTo(Map.of("team", "support", "cost-centre", "CS-01"));
    assertThat(support.origin().line()).isEqualTo(2);

    // spaces around cells, quoted or not, are not part of the value; the row starts on line 4
    // because the purpose above spans two lines
    RegisterEntry code = register.entries().get(1);
    assertThat(code.id()).isEqualTo("code-assistant");
    assertThat(code.name()).isEqualTo("GitHub Copilot");
    assertThat(code.purpose()).isEqualTo("Code completion, chat");
    assertThat(code.owner()).isNull();
    assertThat(code.selectors().tags()).isEmpty();
    assertThat(code.origin().line()).isEqualTo(4);
  }

  @Test
  void rowProblemsAreReportedAtTheRowsFirstLine() {
    Path file = register("broken.csv");
    String f = file.toString();

    assertThat(RegisterFiles.validate(file, KNOWN))
        .containsExactly(
            f + ":1: unknown column 'purpse' (did you mean 'purpose'?)",
            f + ":3: entry 'fraud-scoring': personalData 'maybe' must be true or false",
            f + ":3: entry 'fraud-scoring': tags 'prod' must be key=value pairs separated by ';'",
            f
                + ":3: entry 'fraud-scoring': lifecycle 'live' must be one of concept, development,"
                + " deployment, operation, retired (or TODO)",
            f
                + ":3: entry 'fraud-scoring': reviewDate '2026-09-31' is not an ISO date"
                + " (YYYY-MM-DD)",
            f + ":5: entry #3: missing 'id'",
            f + ":6: entry 'marketing-copy': row has 12 cells but the header has 11",
            f + ":7: entry 'retired-bot': missing 'name'",
            f
                + ":7: entry 'retired-bot' selects nothing: add selectors (repositories, providers,"
                + " ...)");
  }

  @Test
  void anUnclosedQuoteIsOneProblemWhereTheCellStarts() {
    Path file = register("unterminated.csv");
    assertThat(RegisterFiles.validate(file, KNOWN))
        .containsExactly(file + ":3: invalid CSV: quoted cell is not closed");
  }

  @Test
  void textAfterAClosingQuoteIsAProblem(@TempDir Path dir) throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("register.csv"),
            "id,name,providers\nsupport,\"Support\" assistant,openai\n");
    assertThat(RegisterFiles.validate(file, KNOWN))
        .containsExactly(
            file
                + ":2: invalid CSV: text after the closing quote of a cell (double quotes inside"
                + " quoted cells)");
  }

  @Test
  void headersAreCaseInsensitiveInCamelOrSnakeCase(@TempDir Path dir) throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("register.csv"),
            "ID,NAME,Risk_Level,riskLevel,BusinessUnit,personal_data,PERSONAL_DATA_CATEGORIES,"
                + "cloud_accounts,Tags,Models\n"
                + "fraud-scoring,Fraud scoring,high,,Payments,TRUE,transactions; devices ;,"
                + "123456789012,app=fraud;env = prod,fraud-*;TODO\n");
    assertThat(RegisterFiles.validate(file, KNOWN))
        .containsExactly(file + ":1: duplicate column 'riskLevel' (columns 3 and 4)");

    Path fixed =
        Files.writeString(
            dir.resolve("fixed.csv"),
            Files.readString(file)
                .replace("Risk_Level,riskLevel,", "Risk_Level,")
                .replace("high,,", "high,"));
    RegisterEntry fraud = RegisterFiles.read(fixed, KNOWN).entries().get(0);
    assertThat(fraud.riskLevel()).isEqualTo(RegisterEntry.RiskLevel.HIGH);
    assertThat(fraud.businessUnit()).isEqualTo("Payments");
    assertThat(fraud.personalData())
        .isEqualTo(new RegisterEntry.PersonalData(true, List.of("transactions", "devices")));
    assertThat(fraud.selectors().cloudAccounts()).containsExactly("123456789012");
    assertThat(fraud.selectors().tags()).isEqualTo(Map.of("app", "fraud", "env", "prod"));
    assertThat(fraud.models()).containsExactly("fraud-*");
    assertThat(fraud.selectors().models()).containsExactly("fraud-*");
  }

  @Test
  void idAndNameColumnsAreRequired(@TempDir Path dir) throws IOException {
    Path file =
        Files.writeString(dir.resolve("register.csv"), "identifier,title\nsupport,Support\n");
    assertThat(RegisterFiles.validate(file, KNOWN))
        .containsExactly(
            file + ":1: unknown column 'identifier'",
            file + ":1: unknown column 'title'",
            file + ":1: missing column 'id'",
            file + ":1: missing column 'name'");
  }
}

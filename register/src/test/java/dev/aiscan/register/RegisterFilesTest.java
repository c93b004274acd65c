package dev.aiscan.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiscan.core.ScanException;
import dev.aiscan.core.register.Register;
import dev.aiscan.core.register.RegisterEntry;
import dev.aiscan.core.register.RegisterEntry.Lifecycle;
import dev.aiscan.core.register.RegisterEntry.Origin;
import dev.aiscan.core.register.RegisterEntry.PersonalData;
import dev.aiscan.core.register.RegisterEntry.RiskLevel;
import dev.aiscan.core.register.Selectors;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RegisterFilesTest {
  static final Path DIR = Path.of("src/test/resources/registers");

  /** The providers the tests check selectors against, as the brief of the register gives them. */
  static final Set<String> KNOWN =
      Set.of("openai", "azure-openai", "anthropic", "aws-sagemaker", "aws-bedrock");

  /** The providers the valid register uses: the known ones and GitHub Copilot. */
  static final Set<String> KNOWN_WITH_COPILOT =
      Set.of(
          "openai", "azure-openai", "anthropic", "aws-sagemaker", "aws-bedrock", "github-copilot");

  static Path register(String name) {
    return DIR.resolve(name);
  }

  static List<RegisterEntry> withoutOrigin(Register register) {
    return register.entries().stream()
        .map(
            e ->
                new RegisterEntry(
                    e.id(),
                    e.name(),
                    e.purpose(),
                    e.owner(),
                    e.businessUnit(),
                    e.lifecycle(),
                    e.riskLevel(),
                    e.impactOnIndividuals(),
                    e.personalData(),
                    e.humanOversight(),
                    e.supplier(),
                    e.models(),
                    e.dataSources(),
                    e.reviewDate(),
                    e.selectors(),
                    Origin.NONE))
        .toList();
  }

  @Test
  void readsTheValidYamlRegister() {
    Path file = register("valid.yaml");
    Register register = RegisterFiles.read(file, KNOWN_WITH_COPILOT);

    assertThat(register.source()).isEqualTo(file.toString());
    assertThat(register.given()).isTrue();
    assertThat(register.entries())
        .extracting(RegisterEntry::id)
        .containsExactly(
            "support-reply-assistant",
            "code-assistant",
            "fraud-scoring",
            "hr-candidate-screening",
            "marketing-copy",
            "policy-qa",
            "website-faq-chatbot");
    assertThat(register.entries())
        .extracting(e -> e.origin().line())
        .containsExactly(6, 27, 45, 68, 87, 107, 126);
    assertThat(register.entries()).allMatch(e -> e.origin().file().equals(file.toString()));

    RegisterEntry support = register.entry("support-reply-assistant").orElseThrow();
    assertThat(support)
        .isEqualTo(
            new RegisterEntry(
                "support-reply-assistant",
                "Support reply assistant",
                "Drafts replies to customer tickets for agents to edit",
                "support-platform@example.com",
                "Customer Service",
                Lifecycle.OPERATION,
                RiskLevel.LIMITED,
                "Customers read replies an agent approved",
                new PersonalData(true, List.of("contact details", "ticket content")),
                "An agent approves every reply",
                "OpenAI (via Azure OpenAI)",
                List.of("gpt-4o", "gpt-4o-mini"),
                List.of("Zendesk tickets", "Help centre articles"),
                LocalDate.of(2027, 3, 31),
                new Selectors(
                    List.of("support-desk"),
                    List.of("web/**", "services/reply-drafts/**"),
                    List.of("npm:openai", "npm:@azure/openai"),
                    null,
                    null,
                    null,
                    null,
                    null,
                    List.of("OPENAI_API_KEY", "AZURE_OPENAI_API_KEY"),
                    List.of("openai", "azure-openai"),
                    List.of("gpt-4o", "gpt-4o-mini")),
                new Origin(file.toString(), 6)));

    RegisterEntry fraud = register.entry("fraud-scoring").orElseThrow();
    assertThat(fraud.supplier()).isNull();
    assertThat(fraud.humanOversight())
        .isEqualTo(
            "Analysts review every held payment within 15 minutes.\n"
                + "A weekly drift report goes to the model risk committee.");
    assertThat(fraud.selectors().cloudAccounts()).containsExactly("123456789012");
    assertThat(fraud.selectors().tags()).isEqualTo(Map.of("app", "fraud-scoring", "env", "prod"));
    assertThat(fraud.selectors().hasPlace()).isTrue();

    RegisterEntry hr = register.entry("hr-candidate-screening").orElseThrow();
    assertThat(hr.riskLevel()).isEqualTo(RiskLevel.HIGH);
    assertThat(hr.lifecycle()).isEqualTo(Lifecycle.DEPLOYMENT);
    assertThat(hr.purpose())
        .isEqualTo(
            "Ranks job applications against the role profile (a \"fit score\"), for recruiters");
    assertThat(hr.selectors().providers()).isEmpty();
    assertThat(hr.selectors().saasApps()).containsExactly("talentlens");

    RegisterEntry retired = register.entry("website-faq-chatbot").orElseThrow();
    assertThat(retired.lifecycle()).isEqualTo(Lifecycle.RETIRED);
    assertThat(retired.reviewDate()).isEqualTo(LocalDate.of(2026, 3, 31));
  }

  @Test
  void todoValuesAreUnknownNotProblems() {
    Register register = RegisterFiles.read(register("valid.yaml"), Set.of());
    RegisterEntry policy = register.entry("policy-qa").orElseThrow();

    assertThat(policy.riskLevel()).isNull();
    assertThat(policy.impactOnIndividuals()).isNull();
    assertThat(policy.personalData()).isEqualTo(PersonalData.UNKNOWN);
    assertThat(policy.humanOversight()).isNull();
    assertThat(policy.reviewDate()).isNull();
    assertThat(policy.lifecycle()).isEqualTo(Lifecycle.DEVELOPMENT);
  }

  @Test
  void jsonAndCsvReadToTheSameEntriesAsYaml() {
    Register yaml = RegisterFiles.read(register("valid.yaml"), KNOWN_WITH_COPILOT);
    Register json = RegisterFiles.read(register("valid.json"), KNOWN_WITH_COPILOT);
    Register csv = RegisterFiles.read(register("valid.csv"), KNOWN_WITH_COPILOT);

    assertThat(yaml.entries()).hasSize(7);
    assertThat(withoutOrigin(json)).isEqualTo(withoutOrigin(yaml));
    assertThat(withoutOrigin(csv)).isEqualTo(withoutOrigin(yaml));

    assertThat(json.source()).isEqualTo(register("valid.json").toString());
    assertThat(json.entries())
        .extracting(e -> e.origin().line())
        .containsExactly(4, 53, 81, 123, 155, 191, 223);
    // the fraud-scoring row's human oversight cell holds a line break: later rows start a line
    // further down
    assertThat(csv.entries())
        .extracting(e -> e.origin().line())
        .containsExactly(2, 3, 4, 6, 7, 8, 9);
    assertThat(csv.entries().get(0).origin())
        .isEqualTo(new Origin(register("valid.csv").toString(), 2));
  }

  @Test
  void theDocumentedExampleIsValid() {
    Path example = Path.of("../docs/examples/register.yaml");
    assertThat(RegisterFiles.validate(example, KNOWN_WITH_COPILOT)).isEmpty();
    assertThat(RegisterFiles.validate(example, Set.of())).isEmpty();
    assertThat(RegisterFiles.read(example, Set.of()).entries()).hasSizeGreaterThanOrEqualTo(6);
  }

  @ParameterizedTest
  @ValueSource(strings = {"valid.yaml", "valid.json", "valid.csv"})
  void validRegistersHaveNoProblems(String name) {
    assertThat(RegisterFiles.validate(register(name), KNOWN_WITH_COPILOT)).isEmpty();
    assertThat(RegisterFiles.validate(register(name), Set.of())).isEmpty();
  }

  @Test
  void seededEntriesWithTodoAndNotesAreValid() {
    Path file = register("seeded-todo.yaml");
    assertThat(RegisterFiles.validate(file, KNOWN)).isEmpty();

    Register register = RegisterFiles.read(file, KNOWN);
    RegisterEntry seeded = register.entries().get(0);
    assertThat(seeded)
        .isEqualTo(
            new RegisterEntry(
                "openai-in-support-desk",
                "OpenAI in support-desk",
                null,
                null,
                null,
                null,
                null,
                null,
                PersonalData.UNKNOWN,
                null,
                null,
                List.of("gpt-4o"),
                List.of(),
                null,
                new Selectors(
                    List.of("support-desk"),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    List.of("openai"),
                    List.of("gpt-4o")),
                new Origin(file.toString(), 4)));

    RegisterEntry todoName = register.entries().get(1);
    assertThat(todoName.name()).isNull();
    assertThat(todoName.personalData()).isEqualTo(PersonalData.UNKNOWN);
    assertThat(todoName.selectors().saasApps()).containsExactly("chatgpt");
  }

  @Test
  void snakeCaseAliasesReadLikeCamelCase() {
    assertThat(RegisterFiles.validate(register("aliases.yaml"), Set.of())).isEmpty();
    Register snake = RegisterFiles.read(register("aliases.yaml"), Set.of());
    Register camel = RegisterFiles.read(register("camel.yaml"), Set.of());

    assertThat(withoutOrigin(snake)).isEqualTo(withoutOrigin(camel));
    RegisterEntry fraud = snake.entries().get(0);
    assertThat(fraud.businessUnit()).isEqualTo("Payments");
    assertThat(fraud.riskLevel()).isEqualTo(RiskLevel.HIGH);
    assertThat(fraud.personalData())
        .isEqualTo(new PersonalData(true, List.of("transaction history")));
    assertThat(fraud.dataSources()).containsExactly("Card transactions");
    assertThat(fraud.reviewDate()).isEqualTo(LocalDate.of(2026, 9, 30));
    assertThat(fraud.selectors().cloudAccounts()).containsExactly("123456789012");
    assertThat(fraud.selectors().saasTenants()).containsExactly("example.com");
    assertThat(fraud.selectors().apiKeys()).containsExactly("SAGEMAKER_ROLE");
  }

  @Test
  void entryModelsAreRegisteredAndSelectorModelsAddToThem() {
    RegisterEntry fraud = RegisterFiles.read(register("camel.yaml"), Set.of()).entries().get(0);

    assertThat(fraud.models()).containsExactly("xgboost-fraud-v7", "fraud-score-*");
    assertThat(fraud.selectors().models())
        .containsExactly("xgboost-fraud-v7", "fraud-score-*", "xgboost-fraud-v8");
  }

  @Test
  void readThrowsWithEveryProblemAndAOneLineMessage() {
    Path file = register("unknown-provider.yaml");
    List<String> problems = RegisterFiles.validate(file, KNOWN);

    assertThatThrownBy(() -> RegisterFiles.read(file, KNOWN))
        .isInstanceOf(RegisterFormatException.class)
        .isInstanceOf(ScanException.class)
        .hasMessage(problems.get(0) + " (and 2 more)")
        .satisfies(e -> assertThat(((RegisterFormatException) e).problems()).isEqualTo(problems));
  }

  @Test
  void oneProblemIsTheWholeMessage() {
    Path file = register("syntax-error.yaml");
    assertThatThrownBy(() -> RegisterFiles.read(file, Set.of()))
        .isInstanceOf(RegisterFormatException.class)
        .hasMessage(
            file
                + ":7: invalid YAML: expected ',' or ']', but got : (while parsing a flow"
                + " sequence at line 6)");
  }

  @Test
  void knownProvidersAreCheckedOnlyWhenGiven() {
    assertThat(RegisterFiles.validate(register("unknown-provider.yaml"), Set.of())).isEmpty();
  }

  @Test
  void anUnreadableFileIsOneProblemNamingIt(@TempDir Path dir) throws IOException {
    Path missing = dir.resolve("register.yaml");
    assertThat(RegisterFiles.validate(missing, Set.of()))
        .containsExactly(missing + ": cannot read: no such file");
    assertThatThrownBy(() -> RegisterFiles.read(missing, Set.of()))
        .isInstanceOf(RegisterFormatException.class)
        .hasMessage(missing + ": cannot read: no such file");

    Path latin1 = dir.resolve("latin1.csv");
    Files.write(
        latin1, "id,name,providers\nx,Caf\u00e9,openai\n".getBytes(StandardCharsets.ISO_8859_1));
    assertThat(RegisterFiles.validate(latin1, Set.of()))
        .containsExactly(latin1 + ": cannot read: not UTF-8 text");

    Path directory = Files.createDirectory(dir.resolve("folder.yaml"));
    assertThat(RegisterFiles.validate(directory, Set.of()))
        .singleElement()
        .asString()
        .startsWith(directory + ": cannot read: ");
  }

  @Test
  void theFormatComesFromTheExtension(@TempDir Path dir) throws IOException {
    Path text = Files.writeString(dir.resolve("register.txt"), "version: 1\nentries: []\n");
    assertThat(RegisterFiles.validate(text, Set.of()))
        .containsExactly(
            text + ": unsupported register format: expected .yaml, .yml, .json or .csv");

    Path yml = Files.writeString(dir.resolve("REGISTER.YML"), "version: 1\nentries: []\n");
    assertThat(RegisterFiles.read(yml, Set.of()).entries()).isEmpty();
  }

  @Test
  void emptyFilesAreProblems(@TempDir Path dir) throws IOException {
    for (String name : List.of("empty.yaml", "empty.json", "empty.csv")) {
      Path file = Files.writeString(dir.resolve(name), "\n");
      assertThat(RegisterFiles.validate(file, Set.of()))
          .singleElement()
          .asString()
          .startsWith(file + ":1: empty register: expected ");
    }
  }

  @Test
  void aByteOrderMarkIsSkipped(@TempDir Path dir) throws IOException {
    Path csv =
        Files.writeString(
            dir.resolve("excel.csv"),
            "\uFEFFid,name,providers\r\nsupport-reply-assistant,Support reply assistant,openai\r\n");
    Register register = RegisterFiles.read(csv, KNOWN);
    assertThat(register.entries())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.id()).isEqualTo("support-reply-assistant");
              assertThat(e.origin().line()).isEqualTo(2);
            });
  }

  @Test
  void anEmptyEntriesListIsAValidEmptyRegister(@TempDir Path dir) throws IOException {
    Path file =
        Files.writeString(dir.resolve("register.json"), "{\"version\": 1, \"entries\": []}");
    Register register = RegisterFiles.read(file, KNOWN);
    assertThat(register.entries()).isEmpty();
    assertThat(register.source()).isEqualTo(file.toString());
  }

  @Test
  void aRecursiveAliasIsAProblemNotACrash(@TempDir Path dir) throws IOException {
    Path file =
        Files.writeString(dir.resolve("register.yaml"), "version: 1\nentries: &loop\n  - *loop\n");
    assertThat(RegisterFiles.validate(file, Set.of())).isNotEmpty();
  }

  @Test
  void anAliasBombIsOneProblemNamingTheFileNotAnExhaustedHeap(@TempDir Path dir)
      throws IOException {
    // 16 layers of 3 aliases each: under SnakeYAML's 50-alias limit, 3^16 (43 million) values
    StringBuilder yaml = new StringBuilder("version: 1\nl0: &l0 [x, x, x]\n");
    for (int i = 1; i <= 16; i++) {
      yaml.append("l").append(i).append(": &l").append(i);
      yaml.append(" [*l").append(i - 1).append(", *l").append(i - 1).append(", *l");
      yaml.append(i - 1).append("]\n");
    }
    yaml.append("entries: *l16\n");
    Path file = Files.writeString(dir.resolve("register.yaml"), yaml.toString());

    assertThat(RegisterFiles.validate(file, Set.of()))
        .singleElement()
        .asString()
        .contains("register.yaml")
        .contains("more than 100000 values once its aliases are expanded");
  }
}

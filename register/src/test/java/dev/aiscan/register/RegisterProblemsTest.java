package dev.aiscan.register;

import static dev.aiscan.register.RegisterFilesTest.KNOWN;
import static dev.aiscan.register.RegisterFilesTest.register;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Broken registers: every problem, with its exact {@code file:line: message}. */
class RegisterProblemsTest {

  @Test
  void everyEntryProblemIsReportedAtItsLine() {
    Path file = register("broken-entries.yaml");
    String f = file.toString();

    assertThat(RegisterFiles.validate(file, KNOWN))
        .containsExactly(
            f
                + ":6: entry 'support-reply-assistant': unknown field 'purpse' (did you mean"
                + " 'purpose'?)",
            f
                + ":7: entry 'support-reply-assistant': lifecycle 'live' must be one of concept,"
                + " development, deployment, operation, retired (or TODO)",
            f
                + ":8: entry 'support-reply-assistant': riskLevel 'medium' must be one of minimal,"
                + " limited, high, unacceptable (or TODO)",
            f
                + ":9: entry 'support-reply-assistant': reviewDate '31/03/2027' is not an ISO date"
                + " (YYYY-MM-DD)",
            f
                + ":11: entry 'support-reply-assistant': unknown field 'repositorys' in selectors"
                + " (did you mean 'repositories'?)",
            f + ":14: entry #2: missing 'id'",
            f
                + ":18: entry 'Fraud Scoring': id must match ^[a-z0-9][a-z0-9._-]*$ (lowercase"
                + " letters, digits, '.', '_', '-')",
            f + ":21: entry 'Fraud Scoring': selectors.cloudAccounts[1] must be a non-empty string",
            f
                + ":22: entry 'Fraud Scoring': selectors.tags must be a mapping of strings (key:"
                + " value)",
            f + ":25: entry 'support-reply-assistant': duplicate id (first at line 4)",
            f
                + ":27: entry 'support-reply-assistant': personalData must be true, false or"
                + " {processed: true|false, categories: [...]}",
            f
                + ":28: entry 'support-reply-assistant': reviewDate '2027-02-30' is not an ISO date"
                + " (YYYY-MM-DD)",
            f
                + ":30: entry 'support-reply-assistant': selectors.repositories[1] must be a"
                + " non-empty string",
            f + ":32: entry 'hr-candidate-screening': missing 'name'",
            f
                + ":32: entry 'hr-candidate-screening' selects nothing: add selectors"
                + " (repositories, providers, ...)",
            f + ":38: entry 'marketing-copy': owner must be a string",
            f + ":39: entry 'marketing-copy': personal_data.processed must be true or false",
            f + ":42: entry 'marketing-copy': selectors.tags.team must be a string");
  }

  @Test
  void readReportsTheFirstProblemAndHowManyMore() {
    Path file = register("broken-entries.yaml");
    assertThatThrownBy(() -> RegisterFiles.read(file, KNOWN))
        .isInstanceOf(RegisterFormatException.class)
        .hasMessage(
            file
                + ":6: entry 'support-reply-assistant': unknown field 'purpse' (did you mean"
                + " 'purpose'?) (and 17 more)")
        .satisfies(e -> assertThat(((RegisterFormatException) e).problems()).hasSize(18));
  }

  @Test
  void unknownProvidersAreReportedWithSuggestions() {
    Path file = register("unknown-provider.yaml");
    String f = file.toString();

    assertThat(RegisterFiles.validate(file, KNOWN))
        .containsExactly(
            f
                + ":7: entry 'support-reply-assistant': unknown provider 'azure_openai' in"
                + " selectors.providers (did you mean 'azure-openai'?)",
            f
                + ":11: entry 'marketing-copy': unknown provider 'Anthropic' in selectors.providers"
                + " (did you mean 'anthropic'?)",
            f
                + ":15: entry 'policy-qa': unknown provider 'google-vertex-ai' in"
                + " selectors.providers");
  }

  @Test
  void aYamlSyntaxErrorIsOneProblemAtItsLine() {
    Path file = register("syntax-error.yaml");
    assertThat(RegisterFiles.validate(file, KNOWN))
        .containsExactly(
            file
                + ":7: invalid YAML: expected ',' or ']', but got : (while parsing a flow sequence"
                + " at line 6)");
  }

  @Test
  void aJsonSyntaxErrorIsOneProblemAtItsLine() {
    Path file = register("syntax-error.json");
    assertThat(RegisterFiles.validate(file, KNOWN))
        .containsExactly(
            file
                + ":7: invalid JSON: Unexpected character ('\"' (code 34)): was expecting comma to"
                + " separate Object entries");
  }

  @Test
  void jsonContentProblems() {
    Path file = register("broken.json");
    String f = file.toString();

    assertThat(RegisterFiles.validate(file, KNOWN))
        .containsExactly(
            f
                + ":8: entry 'support-reply-assistant': lifecycle 'in production' must be one of"
                + " concept, development, deployment, operation, retired (or TODO)",
            f
                + ":10: entry 'support-reply-assistant': selectors.providers[1] must be a non-empty"
                + " string",
            f
                + ":11: entry 'support-reply-assistant': unknown field 'apiKey' in selectors (did"
                + " you mean 'apiKeys'?)",
            f + ":14: entry 'support-reply-assistant': missing 'name'",
            f
                + ":14: entry 'support-reply-assistant' selects nothing: add selectors"
                + " (repositories, providers, ...)",
            f + ":15: entry 'support-reply-assistant': duplicate id (first at line 5)",
            f
                + ":17: entry 'support-reply-assistant': personalData must be true, false or"
                + " {processed: true|false, categories: [...]}");
  }

  @Test
  void versionAndTopLevelFields() {
    Path file = register("top-level.yaml");
    String f = file.toString();

    assertThat(RegisterFiles.validate(file, Set.of()))
        .containsExactly(
            f + ":1: unsupported version '2': expected 1",
            f + ":1: missing 'entries' list",
            f + ":2: unknown field 'entires' (did you mean 'entries'?)");
  }

  @Test
  void theRegisterMustBeAMappingWithAnEntriesList() {
    assertThat(RegisterFiles.validate(register("not-a-mapping.yaml"), Set.of()))
        .containsExactly(
            register("not-a-mapping.yaml")
                + ":1: register must be a mapping with 'version' and 'entries'");
    assertThat(RegisterFiles.validate(register("entries-not-a-list.yaml"), Set.of()))
        .containsExactly(register("entries-not-a-list.yaml") + ":3: 'entries' must be a list");
  }

  @Test
  void repeatedFieldsAndTags() {
    Path file = register("duplicate-fields.yaml");
    String f = file.toString();

    assertThat(RegisterFiles.validate(file, KNOWN))
        .containsExactly(
            f
                + ":6: entry 'support-reply-assistant': duplicate field 'business_unit' (same as"
                + " 'businessUnit' at line 5)",
            f
                + ":9: entry 'support-reply-assistant': duplicate tag 'team' in selectors.tags"
                + " (first at line 9)");
  }
}

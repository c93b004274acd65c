package dev.aiscan.shell.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvReferencesTest {
  static final Map<String, String> ENV = Map.of("A", "alpha", "EMPTY", "", "B_2", "beta");

  List<String> problems = new ArrayList<>();

  String expand(String text) {
    return EnvReferences.expand(text, ENV, problems::add);
  }

  @Test
  void referencesAreReplaced() {
    assertThat(expand("${A}")).isEqualTo("alpha");
    assertThat(expand("x-${A}-${B_2}-y")).isEqualTo("x-alpha-beta-y");
    assertThat(expand("no references, $5 and $A")).isEqualTo("no references, $5 and $A");
    assertThat(problems).isEmpty();
  }

  @Test
  void aDefaultAppliesWhenTheVariableIsUnsetOrEmpty() {
    assertThat(expand("${UNSET:-fallback}")).isEqualTo("fallback");
    assertThat(expand("${EMPTY:-fallback}")).isEqualTo("fallback");
    assertThat(expand("${A:-fallback}")).isEqualTo("alpha");
    assertThat(expand("${UNSET:-}")).isEmpty();
    assertThat(expand("${EMPTY}")).isEmpty();
    assertThat(problems).isEmpty();
  }

  @Test
  void dollarDollarBraceIsALiteral() {
    assertThat(expand("$${A}")).isEqualTo("${A}");
    assertThat(expand("a$${UNSET}b ${A}")).isEqualTo("a${UNSET}b alpha");
    assertThat(problems).isEmpty();
  }

  @Test
  void unsetVariablesAndBadReferencesAreProblems() {
    assertThat(expand("${UNSET}/${A}")).isEqualTo("/alpha");
    expand("${1BAD}");
    expand("${open");
    assertThat(problems)
        .containsExactly(
            "${UNSET} is not set",
            "'${1BAD}' is not a variable reference: write ${NAME} or ${NAME:-default}, or $${"
                + " for a literal ${",
            "'${open' is not a variable reference: write ${NAME} or ${NAME:-default}, or $${"
                + " for a literal ${");
  }

  @Test
  void wholeRecognisesAValueThatIsOneReference() {
    assertThat(EnvReferences.whole("${TOKEN}")).isEqualTo(new EnvReferences.Whole("TOKEN", null));
    assertThat(EnvReferences.whole(" ${TOKEN:-} ")).isEqualTo(new EnvReferences.Whole("TOKEN", ""));
    assertThat(EnvReferences.whole("Bearer ${TOKEN}")).isNull();
    assertThat(EnvReferences.whole("${A}${B}")).isNull();
    assertThat(EnvReferences.whole("$${TOKEN}")).isNull();
  }
}

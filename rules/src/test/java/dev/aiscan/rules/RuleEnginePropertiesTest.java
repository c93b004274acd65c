package dev.aiscan.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiscan.core.model.Fact;
import dev.aiscan.core.model.FactType;
import dev.aiscan.core.model.Finding;
import dev.aiscan.core.model.Location;
import dev.aiscan.core.spi.ContentFilter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * The rule engine on random facts: random text, the rules' own example values and mutations of
 * them, under every fact type and with random attributes. Detection never throws; every finding
 * names a loaded rule, the fact's target and place; and a fact from file content whose text holds
 * none of the prefilter's tokens produces no finding (the prefilter's soundness, seen from the
 * facts' side).
 */
class RuleEnginePropertiesTest {
  private static final RuleEngine ENGINE = RuleEngine.loadDefault();
  private static final ContentFilter PREFILTER = ENGINE.contentFilter();

  /** What the connectors extract from file content (as in {@code ContentFilterTest}). */
  private static final Set<FactType> FROM_CONTENT =
      EnumSet.of(
          FactType.IMPORT,
          FactType.PACKAGE,
          FactType.CALL,
          FactType.TYPE_REFERENCE,
          FactType.ANNOTATION,
          FactType.STRING_LITERAL,
          FactType.CONFIG_KEY,
          FactType.ENV_VAR,
          FactType.CONTAINER_IMAGE,
          FactType.CLOUD_RESOURCE);

  /** Attributes whose values are not file content but the connector's classification. */
  private static final Set<String> NOT_CONTENT =
      Set.of(Fact.Attr.LANGUAGE, Fact.Attr.ECOSYSTEM, Fact.Attr.DIRECT, Fact.Attr.FLAGS);

  private static final List<RuleExample> EXAMPLES =
      ENGINE.rules().stream()
          .flatMap(
              r ->
                  java.util.stream.Stream.concat(
                      r.positiveExamples().stream(), r.negativeExamples().stream()))
          .toList();
  private static final List<String> EXAMPLE_VALUES =
      EXAMPLES.stream().map(RuleExample::value).toList();

  @Property(tries = 500)
  void detectNeverThrowsAndFindsOnlyWhatTheFactShows(@ForAll("facts") Fact fact) {
    List<Finding> findings = new ArrayList<>();
    ENGINE.detect(fact, findings::add);

    Statistics.label("findings").collect(!findings.isEmpty());
    Statistics.label("findings").coverage(c -> c.check(true).percentage(p -> p > 5));
    for (Finding f : findings) {
      assertThat(ENGINE.rule(f.ruleId())).as("rule of %s", f.ruleId()).isPresent();
      assertThat(f.targetId()).isEqualTo(fact.target().id());
      assertThat(f.location()).isEqualTo(fact.location());
      assertThat(f.provider()).isEqualTo(ENGINE.rule(f.ruleId()).orElseThrow().provider());
      assertThat(f.evidence()).isNotNull();
    }
    if (FROM_CONTENT.contains(fact.type()) && !PREFILTER.mayMatch(contentOf(fact))) {
      assertThat(findings)
          .as("%s: the prefilter rejects its text, yet rules match", fact.type())
          .isEmpty();
    }
  }

  @Property(tries = 200)
  void everyPositiveExampleStillMatchesWithRandomExtraAttributes(
      @ForAll("examples") Tuple.Tuple2<Rule, RuleExample> example, @ForAll("junk") String junk) {
    Rule rule = example.get1();
    RuleExample e = example.get2();
    Map<String, String> attributes = new LinkedHashMap<>(e.attributes());
    attributes.putIfAbsent("x-unknown", junk);
    Fact fact =
        new Fact(e.type(), e.value(), RuleExample.TARGET, e.toFact().location(), attributes);
    List<Finding> findings = new ArrayList<>();
    ENGINE.detect(fact, findings::add);
    assertThat(findings).extracting(Finding::ruleId).as("rule %s", rule.id()).contains(rule.id());
  }

  @Example
  void hostileValuesDoNotThrow() {
    for (FactType type : FactType.values()) {
      for (String value :
          List.of(
              "",
              "\u0000",
              ".",
              "..",
              "/",
              "::",
              "@",
              "\uD800",
              "a".repeat(100_000),
              ".".repeat(10_000),
              "sk-" + "A".repeat(5000),
              "(".repeat(10_000))) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put(Fact.Attr.LANGUAGE, "python");
        attributes.put(Fact.Attr.CONTEXT, value);
        attributes.put(Fact.Attr.RECEIVER, value);
        attributes.put(Fact.Attr.KEY, value);
        List<Finding> findings = new ArrayList<>();
        ENGINE.detect(
            new Fact(type, value, RuleExample.TARGET, location(type), attributes), findings::add);
        assertThat(findings).allSatisfy(f -> assertThat(ENGINE.rule(f.ruleId())).isPresent());
      }
    }
  }

  /** The fact's text as a file would hold it: value and content attributes, one per line. */
  private static byte[] contentOf(Fact fact) {
    StringBuilder b = new StringBuilder(fact.value());
    fact.attributes()
        .forEach(
            (k, v) -> {
              if (!NOT_CONTENT.contains(k)) {
                b.append('\n').append(v);
              }
            });
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }

  @Provide
  Arbitrary<Tuple.Tuple2<Rule, RuleExample>> examples() {
    List<Tuple.Tuple2<Rule, RuleExample>> all = new ArrayList<>();
    for (Rule r : ENGINE.rules()) {
      for (RuleExample e : r.positiveExamples()) {
        all.add(Tuple.of(r, e));
      }
    }
    return Arbitraries.of(all);
  }

  @Provide
  Arbitrary<String> junk() {
    return Arbitraries.strings().ofMaxLength(30);
  }

  @Provide
  Arbitrary<Fact> facts() {
    Arbitrary<FactType> type = Arbitraries.of(FactType.class);
    Arbitrary<Map<String, String>> attributes =
        Arbitraries.maps(
                Arbitraries.of(
                    Fact.Attr.LANGUAGE,
                    Fact.Attr.ECOSYSTEM,
                    Fact.Attr.RECEIVER,
                    Fact.Attr.CONTEXT,
                    Fact.Attr.KEY,
                    Fact.Attr.DIRECT,
                    Fact.Attr.PATH,
                    Fact.Attr.SCOPE,
                    Fact.Attr.VERSION,
                    Fact.Attr.FLAGS,
                    Fact.Attr.KIND,
                    Fact.Attr.MODEL,
                    Fact.Attr.ORIGIN,
                    Fact.Attr.NAME,
                    Fact.Attr.REGION,
                    Fact.Attr.DOMAIN,
                    Fact.Attr.STATE,
                    "tag:owner"),
                Arbitraries.oneOf(
                    Arbitraries.of(
                        "java",
                        "python",
                        "javascript",
                        "typescript",
                        "go",
                        "csharp",
                        "yaml",
                        "maven",
                        "npm",
                        "pypi",
                        "nuget",
                        "true",
                        "false",
                        "on",
                        "off"),
                    values()))
            .ofMaxSize(5);
    Arbitrary<Fact> random =
        Combinators.combine(type, values(), attributes)
            .as((t, v, a) -> new Fact(t, v, RuleExample.TARGET, location(t), a));
    // the rules' examples with their type and attributes, the value kept or mutated
    Arbitrary<Fact> nearExamples =
        Combinators.combine(Arbitraries.of(EXAMPLES), values(), Arbitraries.of(true, false))
            .as(
                (e, v, keep) ->
                    new Fact(
                        e.type(),
                        keep ? e.value() : v,
                        RuleExample.TARGET,
                        location(e.type()),
                        e.attributes()));
    return Arbitraries.oneOf(random, nearExamples);
  }

  /** Random text, example values, and example values cut, cased, prefixed and suffixed. */
  private Arbitrary<String> values() {
    Arbitrary<String> example = Arbitraries.of(EXAMPLE_VALUES);
    Arbitrary<String> random =
        Arbitraries.strings()
            .withChars("abcdefghijklmnopqrstuvwxyzAI0123456789_-./:@ \"'$()")
            .withCharRange('\u0000', '\u00ff')
            .ofMaxLength(40);
    Arbitrary<String> mutated =
        Combinators.combine(example, Arbitraries.integers().between(0, 5), random)
            .as(
                (e, how, r) ->
                    switch (how) {
                      case 0 -> e.substring(0, Math.min(e.length(), r.length()));
                      case 1 -> e.toUpperCase(Locale.ROOT);
                      case 2 -> r + e;
                      case 3 -> e + r;
                      case 4 -> e.replace('-', '_').replace('.', '/');
                      default -> r + e + r;
                    });
    return Arbitraries.frequencyOf(Tuple.of(2, random), Tuple.of(2, example), Tuple.of(3, mutated));
  }

  private static Location location(FactType type) {
    return switch (type) {
      case CLOUD_RESOURCE, SAAS_APP, USAGE_EVENT, SETTING, API_KEY -> Location.resource("r");
      default -> Location.file("src/app.py", 3);
    };
  }
}

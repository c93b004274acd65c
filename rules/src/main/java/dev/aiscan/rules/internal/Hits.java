package dev.aiscan.rules.internal;

import dev.aiscan.core.Secrets;
import dev.aiscan.core.model.Confidence;
import dev.aiscan.core.model.DependencyPath;
import dev.aiscan.core.model.Fact;
import dev.aiscan.core.model.Finding;
import dev.aiscan.rules.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The matches of one fact, one per rule (and per model or key, when a literal names several): when
 * two matchers of a rule match, the higher confidence wins. Not thread-safe; one per fact.
 */
public final class Hits {
  private record Hit(
      Rule rule, Confidence confidence, String evidence, String model, String fingerprint) {}

  private final Fact fact;
  private final Secrets secrets;
  private List<Hit> hits;
  private String factEvidence;

  public Hits(Fact fact, Secrets secrets) {
    this.fact = fact;
    this.secrets = secrets;
  }

  public Fact fact() {
    return fact;
  }

  /** Whether no rule has matched the fact yet. */
  public boolean isEmpty() {
    return hits == null || hits.isEmpty();
  }

  /**
   * A match whose evidence is the fact itself ({@link Evidence#of(Fact)}). Cloud resources and
   * usage events name their model in the fact's {@code model} attribute (the model a resource
   * serves or a call used); the finding carries it.
   */
  public void add(Binding binding) {
    if (!binding.accepts(fact)) {
      return;
    }
    if (factEvidence == null) {
      factEvidence = Evidence.cut(secrets.mask(Evidence.of(fact)));
    }
    add(binding, factEvidence, factModel(fact), null);
  }

  /**
   * A match whose evidence is the fact itself and whose finding carries {@code fingerprint}: an
   * {@code api-key} fact's provider hint ({@code sk-ant-api03-R2D...igAA}), which is what links the
   * key to the same key found in code.
   */
  public void addKey(Binding binding, String fingerprint) {
    if (!binding.accepts(fact)) {
      return;
    }
    add(binding, Evidence.cut(secrets.mask(Evidence.of(fact))), null, fingerprint);
  }

  /** The {@code model} attribute of cloud-resource and usage-event facts, else null. */
  private static String factModel(Fact fact) {
    return switch (fact.type()) {
      case CLOUD_RESOURCE, USAGE_EVENT -> {
        String model = fact.attribute(Fact.Attr.MODEL);
        yield model == null || model.isBlank() ? null : model.strip();
      }
      default -> null;
    };
  }

  /** A match with its own evidence (already free of secrets), model and key fingerprint. */
  public void add(Binding binding, String evidence, String model, String fingerprint) {
    if (!binding.accepts(fact)) {
      return;
    }
    if (hits == null) {
      hits = new ArrayList<>(2);
    }
    Rule rule = binding.rule();
    for (int i = 0; i < hits.size(); i++) {
      Hit h = hits.get(i);
      if (h.rule == rule
          && Objects.equals(h.model, model)
          && Objects.equals(h.fingerprint, fingerprint)) {
        if (binding.confidence().compareTo(h.confidence) > 0) {
          hits.set(i, new Hit(rule, binding.confidence(), h.evidence, model, fingerprint));
        }
        return;
      }
    }
    hits.add(new Hit(rule, binding.confidence(), evidence, model, fingerprint));
  }

  public void emit(Consumer<Finding> findings) {
    if (hits == null) {
      return;
    }
    String targetId = fact.target().id();
    DependencyPath dependency = DependencyPath.of(fact);
    for (Hit h : hits) {
      String ruleId = h.rule.id();
      findings.accept(
          new Finding(
              Finding.idOf(ruleId, targetId, fact.location(), h.model, h.fingerprint),
              ruleId,
              h.rule.provider(),
              h.rule.category(),
              h.confidence,
              targetId,
              fact.location(),
              h.evidence,
              h.model,
              h.fingerprint,
              dependency));
    }
  }
}

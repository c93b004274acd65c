package dev.aiscan.graph;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The questions {@code aiscan graph ask} answers, each one documented Cypher query (see {@code
 * docs/graph-model.md}, which lists them all). A question takes at most one argument, passed as
 * {@code $arg}.
 */
public final class GraphQuestions {
  private GraphQuestions() {}

  /** What a question's argument is. */
  public enum Argument {
    NONE,
    /** A provider id, defaulting to {@code openai}. */
    PROVIDER,
    /** A date ({@code 2026-03-01}) or date-time ({@code 2026-03-01T09:00:00Z}); required. */
    DATE,
    /**
     * A cloud account or SaaS tenant: its target id, name or location ({@code 123456789012});
     * optional, null for all.
     */
    ACCOUNT
  }

  /**
   * @param name what users type after {@code graph ask}
   * @param description one line: the question
   * @param argument what the argument is
   * @param cypher the query, with the argument as {@code $arg}
   */
  public record Question(String name, String description, Argument argument, String cypher) {}

  public static final List<Question> ALL =
      List.of(
          new Question(
              "providers",
              "Which AI providers are in use: targets, assets and shadow assets per provider",
              Argument.NONE,
              """
              MATCH (a:Asset)-[:PROVIDED_BY]->(p:AIProvider)
              WHERE NOT a.stale
              MATCH (a)-[:FOUND_IN]->(t:Target)
              RETURN p.id AS provider, count(DISTINCT t) AS targets, count(a) AS assets,
                     sum(CASE WHEN a.status = 'shadow' THEN 1 ELSE 0 END) AS shadow
              ORDER BY assets DESC, provider"""),
          new Question(
              "reaches",
              "Which repositories reach a provider's SDK through their dependencies, directly or"
                  + " transitively, and through which direct dependency (argument: provider, default"
                  + " openai)",
              Argument.PROVIDER,
              """
              MATCH (t:Target)-[d:DEPENDS_ON]->(p:Package)-[:CLIENT_OF]->(:AIProvider {id: $arg})
              WHERE NOT d.stale
              OPTIONAL MATCH (t)-[:DEPENDS_ON {project: d.project, direct: true}]->(via:Package)
                             -[:DEPENDS_ON*1..12]->(p)
              WHERE NOT d.direct
              RETURN t.name AS repository, d.project AS project, p.name AS package,
                     p.version AS version, d.direct AS direct, d.scope AS scope,
                     collect(DISTINCT via.name) AS via
              ORDER BY repository, project, package"""),
          new Question(
              "models",
              "Which models each provider serves us, and where they are named",
              Argument.NONE,
              """
              MATCH (t:Target)-[u:USES_MODEL]->(m:AIModel)
              WHERE NOT u.stale
              WITH u.provider AS provider, m.name AS model, collect(DISTINCT t.name) AS targets
              RETURN provider, model, size(targets) AS count, targets[..10] AS targets
              ORDER BY provider, model"""),
          new Question(
              "cloud-resources",
              "Which cloud resources AI was found at: type, region, the models they use and their"
                  + " owner tag (argument: account, default all)",
              Argument.ACCOUNT,
              """
              MATCH (t:Target)-[:HAS_RESOURCE]->(c:CloudResource)
              WHERE NOT c.stale AND ($arg IS NULL OR $arg IN [t.id, t.name, t.location])
              OPTIONAL MATCH (c)-[u:USES_MODEL]->(m:AIModel)
              WHERE NOT u.stale
              WITH t, c, collect(DISTINCT m.name) AS models,
                   [k IN ['owner', 'team'] | head([tag IN c.tags
                     WHERE toLower(split(tag, '=')[0]) = k | substring(tag, size(k) + 1)])] AS owners
              RETURN t.name AS account, c.id AS resource, c.type AS type, c.region AS region,
                     models, coalesce(owners[0], owners[1]) AS owner
              ORDER BY account, resource"""),
          new Question(
              "shadow-by-owner",
              "Shadow AI (assets no register entry covers), grouped by owner",
              Argument.NONE,
              """
              MATCH (a:Asset {status: 'shadow'})-[:FOUND_IN]->(t:Target)
              WHERE NOT a.stale
              OPTIONAL MATCH (a)-[:OWNED_BY]->(o:Owner)
              WITH coalesce(o.name, '(no owner)') AS owner, a, t
              ORDER BY a.name
              RETURN owner, count(a) AS shadow, collect(DISTINCT a.provider) AS providers,
                     collect(DISTINCT t.name)[..10] AS targets
              ORDER BY shadow DESC, owner"""),
          new Question(
              "since",
              "Which AI assets appeared on or after a date (argument: date)",
              Argument.DATE,
              """
              MATCH (a:Asset)-[:FOUND_IN]->(t:Target)
              WHERE a.firstSeen >= datetime($arg)
              RETURN toString(a.firstSeen) AS firstSeen, a.provider AS provider, a.name AS asset,
                     t.name AS target, a.status AS status, a.stale AS stale
              ORDER BY firstSeen DESC, asset"""),
          new Question(
              "existed-on",
              "Which AI assets existed on a date: seen by then, and not known gone (argument: date)",
              Argument.DATE,
              """
              WITH datetime($arg) AS day
              MATCH (a:Asset)-[:FOUND_IN]->(t:Target)
              WHERE a.firstSeen < day + duration('P1D') AND (NOT a.stale OR a.lastSeen >= day)
              RETURN a.provider AS provider, a.name AS asset, t.name AS target,
                     toString(a.firstSeen) AS firstSeen, toString(a.lastSeen) AS lastSeen
              ORDER BY provider, asset"""),
          new Question(
              "stale",
              "Which AI assets are gone: no longer seen by a complete scan of their target",
              Argument.NONE,
              """
              MATCH (a:Asset)-[:FOUND_IN]->(t:Target)
              WHERE a.stale
              RETURN a.provider AS provider, a.name AS asset, t.name AS target,
                     toString(a.lastSeen) AS lastSeen, a.lastSeenScan AS lastScan
              ORDER BY lastSeen DESC, asset"""),
          new Question(
              "keys",
              "Which API keys were found in code: provider, fingerprint and place, never the key",
              Argument.NONE,
              """
              MATCH (f:Finding {category: 'credential'})-[:EVIDENCE_OF]->(:Asset)-[:FOUND_IN]->(t:Target)
              WHERE NOT f.stale AND f.fingerprint IS NOT NULL
              RETURN f.provider AS provider, f.fingerprint AS fingerprint, t.name AS target,
                     f.file AS file, f.line AS line
              ORDER BY provider, target, file, line"""),
          new Question(
              "scans",
              "The scan history: when, what, and what each found",
              Argument.NONE,
              """
              MATCH (s:Scan)
              RETURN s.id AS scan, toString(s.started) AS started, s.status AS status,
                     s.targets AS targets, s.assets AS assets, s.shadow AS shadow,
                     s.findings AS findings, s.warnings AS warnings
              ORDER BY started DESC"""));

  public static Optional<Question> find(String name) {
    return ALL.stream().filter(q -> q.name().equals(name)).findFirst();
  }

  /**
   * The parameters to run {@code question} with {@code argument} (null when none was given).
   *
   * @throws IllegalArgumentException with a one-line reason when the argument is missing or wrong
   */
  public static Map<String, Object> parameters(Question question, String argument) {
    switch (question.argument()) {
      case NONE -> {
        if (argument != null) {
          throw new IllegalArgumentException(question.name() + " takes no argument");
        }
        return Map.of();
      }
      case PROVIDER -> {
        return Map.of("arg", argument == null ? "openai" : argument.trim());
      }
      case ACCOUNT -> {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("arg", argument == null || argument.isBlank() ? null : argument.trim());
        return parameters;
      }
      case DATE -> {
        if (argument == null) {
          throw new IllegalArgumentException(
              question.name() + " needs a date, e.g. " + question.name() + " 2026-03-01");
        }
        return Map.of("arg", isoDateTime(argument.trim(), question.name()));
      }
      default -> throw new IllegalStateException(question.argument().toString());
    }
  }

  private static String isoDateTime(String text, String question) {
    try {
      return LocalDate.parse(text).atStartOfDay().toString() + "Z";
    } catch (DateTimeParseException notADate) {
      try {
        return OffsetDateTime.parse(text).toString();
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(
            question
                + ": '"
                + text
                + "' is not a date (2026-03-01) or date-time"
                + " (2026-03-01T09:00:00Z)");
      }
    }
  }
}

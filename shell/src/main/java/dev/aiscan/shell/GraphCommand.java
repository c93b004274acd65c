package dev.aiscan.shell;

import dev.aiscan.graph.Graph;
import dev.aiscan.graph.GraphOptions;
import dev.aiscan.graph.GraphQuestions;
import dev.aiscan.graph.QueryResult;
import dev.aiscan.shell.internal.GraphAccess;
import dev.aiscan.shell.internal.Tables;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.shell.command.annotation.Command;
import org.springframework.shell.command.annotation.Option;

/** {@code aiscan graph …}: read the graph scans wrote. Nothing here writes. */
@Command(command = "graph", group = "Graph")
public class GraphCommand {
  private final GraphAccess access;

  public GraphCommand(GraphAccess access) {
    this.access = access;
  }

  @Command(
      command = "query",
      description = "Run a Cypher query in a read-only transaction and print a table, or --json.")
  public String query(
      @Option(longNames = "cypher", required = true, label = "CYPHER", description = "the query")
          String cypher,
      @Option(longNames = "json", description = "print the records as JSON") boolean json,
      @Option(longNames = "graph-dir", label = "DIR", description = GraphFlags.DIR) String graphDir,
      @Option(longNames = "neo4j-uri", label = "URI", description = GraphFlags.URI) String neo4jUri,
      @Option(
              longNames = "neo4j-password-file",
              label = "FILE",
              description = GraphFlags.PASSWORD_FILE)
          String passwordFile) {
    QueryResult result =
        withGraph(graphDir, neo4jUri, passwordFile, g -> g.query(cypher, Map.of()));
    return json ? Tables.json(result) : Tables.text(result);
  }

  @Command(command = "stats", description = "Count the graph's nodes by label and edges by type.")
  public String stats(
      @Option(longNames = "json", description = "print the counts as JSON") boolean json,
      @Option(longNames = "graph-dir", label = "DIR", description = GraphFlags.DIR) String graphDir,
      @Option(longNames = "neo4j-uri", label = "URI", description = GraphFlags.URI) String neo4jUri,
      @Option(
              longNames = "neo4j-password-file",
              label = "FILE",
              description = GraphFlags.PASSWORD_FILE)
          String passwordFile) {
    Map<String, Long> counts = withGraph(graphDir, neo4jUri, passwordFile, Graph::stats);
    QueryResult table =
        new QueryResult(
            List.of("label or type", "count"),
            counts.entrySet().stream()
                .map(e -> List.<Object>of(e.getKey(), e.getValue()))
                .toList());
    return json ? Tables.json(table) : Tables.text(table);
  }

  @Command(
      command = "ask",
      description =
          "Ask a named question (providers, reaches, models, shadow-by-owner, since, existed-on,"
              + " stale, keys, scans); with no name, list them.")
  public String ask(
      @Option(longNames = "question", label = "NAME", description = "the question's name")
          String name,
      @Option(
              longNames = "argument",
              label = "ARG",
              description = "the question's argument: a provider id, a date or an account")
          String argument,
      @Option(longNames = "json", description = "print the records as JSON") boolean json,
      @Option(longNames = "graph-dir", label = "DIR", description = GraphFlags.DIR) String graphDir,
      @Option(longNames = "neo4j-uri", label = "URI", description = GraphFlags.URI) String neo4jUri,
      @Option(
              longNames = "neo4j-password-file",
              label = "FILE",
              description = GraphFlags.PASSWORD_FILE)
          String passwordFile) {
    if (name == null || name.isBlank()) {
      StringBuilder out = new StringBuilder("Questions (aiscan graph ask NAME [ARG]):\n");
      for (GraphQuestions.Question q : GraphQuestions.ALL) {
        out.append(String.format("  %-16s %s%n", q.name(), q.description()));
      }
      return out.toString().stripTrailing();
    }
    GraphQuestions.Question question =
        GraphQuestions.find(name.trim())
            .orElseThrow(
                () ->
                    new UsageException(
                        "no question '" + name + "' (see: aiscan graph ask, with no name)"));
    Map<String, Object> parameters;
    try {
      parameters = GraphQuestions.parameters(question, argument);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    QueryResult result =
        withGraph(graphDir, neo4jUri, passwordFile, g -> g.query(question.cypher(), parameters));
    return json ? Tables.json(result) : Tables.text(result);
  }

  private <T> T withGraph(
      String graphDir, String neo4jUri, String passwordFile, Function<Graph, T> read) {
    GraphOptions options =
        access.options(new GraphAccess.Flags("embedded", graphDir, null, neo4jUri, passwordFile));
    Graph graph = access.open(options);
    try {
      return read.apply(graph);
    } finally {
      access.release(graph);
    }
  }

  /** Descriptions of the graph flags, shared by every command that takes them. */
  static final class GraphFlags {
    static final String DIR = "the embedded graph store (default ~/.aiscan/graph)";
    static final String URI =
        "a Neo4j server, Aura or cluster (bolt://, neo4j://, neo4j+s://) instead of the embedded"
            + " store; user and password from NEO4J_USERNAME and NEO4J_PASSWORD";
    static final String PASSWORD_FILE =
        "read the Neo4j password from this file instead of NEO4J_PASSWORD";
    static final String BOLT_PORT =
        "also serve the embedded store over Bolt on 127.0.0.1:PORT, for Neo4j Browser or"
            + " cypher-shell";

    private GraphFlags() {}
  }
}

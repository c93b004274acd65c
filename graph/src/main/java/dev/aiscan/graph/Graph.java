package dev.aiscan.graph;

import dev.aiscan.core.ScanResult;
import dev.aiscan.core.register.Register;
import dev.aiscan.graph.internal.EmbeddedNeo4j;
import dev.aiscan.graph.internal.GraphSchema;
import dev.aiscan.graph.internal.Values;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Logging;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.exceptions.AuthenticationException;
import org.neo4j.driver.exceptions.Neo4jException;
import org.neo4j.driver.exceptions.SecurityException;
import org.neo4j.driver.exceptions.ServiceUnavailableException;

/**
 * The aiscan graph, embedded or on a server. Every read and write goes through the Neo4j Java
 * driver, so the embedded store and a cluster take the same code path.
 *
 * <pre>{@code
 * try (Graph graph = Graph.open(GraphOptions.embedded(Path.of("graph"), 0))) {
 *   graph.write(result);
 *   QueryResult assets = graph.query("MATCH (a:Asset) RETURN a.name AS name", Map.of());
 * }
 * }</pre>
 */
public final class Graph implements AutoCloseable {
  private final GraphOptions options;
  private final EmbeddedNeo4j embedded;
  private final Driver driver;
  private final String uri;

  private Graph(GraphOptions options, EmbeddedNeo4j embedded, Driver driver, String uri) {
    this.options = options;
    this.embedded = embedded;
    this.driver = driver;
    this.uri = uri;
  }

  /**
   * Opens the graph and makes sure its constraints and indexes exist.
   *
   * @throws GraphUnavailableException when the store is in use, or the server is unreachable or
   *     refuses the credentials
   */
  public static Graph open(GraphOptions options) {
    EmbeddedNeo4j embedded = null;
    String uri;
    AuthToken auth;
    if (options.embedded()) {
      embedded = EmbeddedNeo4j.start(options.storeDir(), options.boltPort());
      uri = embedded.boltUri();
      auth = AuthTokens.none();
    } else {
      uri = options.uri().toString();
      String user = options.username() == null ? "neo4j" : options.username();
      auth =
          options.password() == null
              ? AuthTokens.none()
              : AuthTokens.basic(user, options.password());
    }
    Driver driver = null;
    try {
      driver = GraphDatabase.driver(uri, auth, config());
      driver.verifyConnectivity();
      Graph graph = new Graph(options, embedded, driver, uri);
      GraphSchema.apply(driver);
      return graph;
    } catch (RuntimeException e) {
      if (driver != null) {
        driver.close();
      }
      if (embedded != null) {
        embedded.close();
      }
      throw unavailable(options, e);
    }
  }

  private static Config config() {
    return Config.builder()
        .withLogging(Logging.slf4j())
        .withConnectionTimeout(15, TimeUnit.SECONDS)
        .withMaxTransactionRetryTime(60, TimeUnit.SECONDS)
        .withUserAgent("aiscan")
        .build();
  }

  private static GraphUnavailableException unavailable(GraphOptions options, RuntimeException e) {
    if (e instanceof GraphUnavailableException g) {
      return g;
    }
    String where = options.describe();
    if (e instanceof AuthenticationException) {
      return new GraphUnavailableException(
          where + ": the server refused the credentials (check NEO4J_USERNAME and NEO4J_PASSWORD)",
          e);
    }
    if (e instanceof SecurityException) {
      return new GraphUnavailableException(
          where + ": not authorised or TLS failed (" + Values.oneLine(e) + ")", e);
    }
    if (e instanceof ServiceUnavailableException) {
      return new GraphUnavailableException(where + ": unreachable (" + Values.oneLine(e) + ")", e);
    }
    if (e instanceof Neo4jException n) {
      return new GraphUnavailableException(
          where + ": " + n.code() + " (" + Values.oneLine(e) + ")", e);
    }
    return new GraphUnavailableException(where + ": " + Values.oneLine(e), e);
  }

  /** Where clients reach this graph: the server URI, or the embedded store's loopback Bolt URI. */
  public String uri() {
    return uri;
  }

  public GraphOptions options() {
    return options;
  }

  /** The embedded store's Bolt port on 127.0.0.1, or -1 for a server. */
  public int boltPort() {
    return embedded == null ? -1 : embedded.boltPort();
  }

  /** Writes one scan's results; see {@link GraphWriter}. */
  public GraphWriter.Summary write(ScanResult result) {
    return write(result, Register.NONE);
  }

  /** Writes one scan and the register it was reconciled with; see {@link GraphWriter}. */
  public GraphWriter.Summary write(ScanResult result, Register register) {
    try {
      return new GraphWriter(driver).write(result, register);
    } catch (Neo4jException e) {
      throw new GraphUnavailableException(
          options.describe()
              + ": writing scan "
              + result.scan().id()
              + " failed ("
              + Values.oneLine(e)
              + ")",
          e);
    }
  }

  /** A writer with a chosen batch size, for benchmarks. */
  public GraphWriter writer(int batchSize) {
    return new GraphWriter(driver, batchSize);
  }

  /**
   * Runs Cypher in a read transaction: the database refuses anything that writes.
   *
   * @throws GraphQueryException when the query is invalid or tries to write
   */
  public QueryResult query(String cypher, Map<String, Object> parameters) {
    try (Session session = driver.session()) {
      return session.executeRead(
          tx -> {
            var result = tx.run(cypher, parameters);
            List<String> columns = result.keys();
            List<List<Object>> rows = new ArrayList<>();
            while (result.hasNext()) {
              Record record = result.next();
              List<Object> row = new ArrayList<>(columns.size());
              for (int i = 0; i < columns.size(); i++) {
                row.add(Values.plain(record.get(i)));
              }
              rows.add(row);
            }
            return new QueryResult(columns, rows);
          });
    } catch (Neo4jException e) {
      throw new GraphQueryException(Values.queryError(e), e);
    }
  }

  /** Node counts by label and relationship counts by type, from Neo4j's count store. */
  public Map<String, Long> stats() {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String label : GraphSchema.NODE_LABELS) {
      counts.put(label, count("MATCH (n:" + label + ") RETURN count(n)"));
    }
    for (String type : GraphSchema.RELATIONSHIP_TYPES) {
      counts.put(type, count("MATCH ()-[r:" + type + "]->() RETURN count(r)"));
    }
    return counts;
  }

  private long count(String cypher) {
    try (Session session = driver.session()) {
      return session.executeRead(tx -> tx.run(cypher).single().get(0).asLong());
    }
  }

  /** The driver, for code in this module and tests that check what the graph holds. */
  Driver driver() {
    return driver;
  }

  @Override
  public void close() {
    try {
      driver.close();
    } finally {
      if (embedded != null) {
        embedded.close();
      }
    }
  }
}

package dev.aiscan.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiscan.core.ScanResult;
import dev.aiscan.testkit.FixtureTree;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.TransactionCallback;
import org.neo4j.driver.TransactionContext;

/**
 * Scan data reaches Neo4j only as parameters, never inside the text of a statement: a tree whose
 * names are Cypher is written through the real writer into a real embedded store, and every
 * statement the writer sends is recorded on its way to the driver.
 */
class CypherParametersTest {
  /** In every name the scan reads: quotes, a brace, a clause, then a marker. */
  private static final String HOSTILE = "acme'\"}) DETACH DELETE (n) RETURN 1 ZQXMARK";

  @TempDir Path store;
  @TempDir Path trees;
  Graph graph;

  @AfterEach
  void close() {
    if (graph != null) {
      graph.close();
    }
  }

  @Test
  void noStatementCarriesScanDataAndTheHostileNamesArriveIntact() {
    Path root = trees.resolve(HOSTILE);
    FixtureTree.in(root)
        .file(
            "svc-" + HOSTILE + "/triage.py",
            """
            import openai

            client = openai.OpenAI()
            reply = client.chat.completions.create(model="gpt-4o", messages=[])
            """)
        .file("requirements.txt", "openai==1.54.0\n");
    ScanResult result = ScanFixtures.scan(Instant.parse("2026-11-27T03:00:00Z"), root);
    assertThat(result.assets()).isNotEmpty();

    graph = Graph.open(GraphOptions.embedded(store.resolve("graph"), 0));
    List<String> statements = new CopyOnWriteArrayList<>();
    new GraphWriter(recording(graph.driver(), statements)).write(result);

    assertThat(statements).hasSizeGreaterThan(5);
    assertThat(statements).noneMatch(s -> s.contains("ZQXMARK"));
    QueryResult targets =
        graph.query("MATCH (t:Target {name: $name}) RETURN count(t) AS n", Map.of("name", HOSTILE));
    assertThat(targets.rows())
        .singleElement()
        .satisfies(row -> assertThat(row.get(0)).isEqualTo(1L));
    QueryResult assets = graph.query("MATCH (a:Asset) RETURN count(a) AS n", Map.of());
    assertThat(assets.rows())
        .singleElement()
        .satisfies(row -> assertThat(row.get(0)).isEqualTo((long) result.assets().size()));
  }

  /** The real driver, with every statement text it is given recorded on the way. */
  private static Driver recording(Driver driver, List<String> statements) {
    return proxy(Driver.class, driver, statements);
  }

  @SuppressWarnings("unchecked")
  private static <T> T proxy(Class<T> type, T target, List<String> statements) {
    InvocationHandler handler =
        (p, method, args) -> {
          Object[] a = args == null ? null : args.clone();
          record(method, a, statements);
          Object out = invoke(method, target, a);
          if (out instanceof Session s && method.getReturnType() == Session.class) {
            return proxy(Session.class, s, statements);
          }
          return out;
        };
    return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static void record(Method method, Object[] args, List<String> statements) {
    if (args == null || args.length == 0) {
      return;
    }
    if (method.getName().equals("run") && args[0] instanceof String text) {
      statements.add(text);
    } else if (args[0] instanceof TransactionCallback callback) {
      args[0] =
          (TransactionCallback<Object>)
              tx -> callback.execute(proxy(TransactionContext.class, tx, statements));
    } else if (method.getName().startsWith("execute") && args[0] instanceof Consumer consumer) {
      args[0] =
          (Consumer<TransactionContext>)
              tx -> consumer.accept(proxy(TransactionContext.class, tx, statements));
    }
  }

  private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}

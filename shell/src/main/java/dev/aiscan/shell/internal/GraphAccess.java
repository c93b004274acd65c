package dev.aiscan.shell.internal;

import dev.aiscan.graph.Graph;
import dev.aiscan.graph.GraphOptions;
import dev.aiscan.graph.GraphUnavailableException;
import dev.aiscan.shell.UsageException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How commands reach the graph. One-shot commands open it and close it when done; the interactive
 * shell keeps the one it opened, with Bolt on 127.0.0.1:7687 unless told otherwise, so that Neo4j
 * Browser can look at the same data while the shell runs.
 */
public final class GraphAccess implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(GraphAccess.class);

  /** The Bolt port the interactive shell offers when none is given (Neo4j's own default). */
  public static final int INTERACTIVE_BOLT_PORT = 7687;

  private final boolean interactive;
  private final Map<String, String> env;
  private final String userHome;
  private Graph shared;

  public GraphAccess(boolean interactive, Map<String, String> env, String userHome) {
    this.interactive = interactive;
    this.env = env;
    this.userHome = userHome;
  }

  /**
   * The graph flags every command that uses the graph takes.
   *
   * @param graph {@code embedded} or {@code none}
   * @param graphDir the embedded store, default {@code ~/.aiscan/graph}
   * @param boltPort the embedded store's Bolt port, or null
   * @param neo4jUri a server, Aura or cluster instead of the embedded store
   * @param passwordFile a file holding the server password, instead of {@code NEO4J_PASSWORD}
   * @param username the server user, instead of {@code NEO4J_USERNAME} (from aiscan.yaml)
   * @param password the server password, instead of {@code NEO4J_PASSWORD} (from aiscan.yaml)
   */
  public record Flags(
      String graph,
      String graphDir,
      Integer boltPort,
      String neo4jUri,
      String passwordFile,
      String username,
      String password) {
    public Flags(
        String graph, String graphDir, Integer boltPort, String neo4jUri, String passwordFile) {
      this(graph, graphDir, boltPort, neo4jUri, passwordFile, null, null);
    }
  }

  /**
   * The graph the flags ask for, or null for {@code --graph none}.
   *
   * @throws UsageException when the flags contradict each other or the password file is unreadable
   */
  public GraphOptions options(Flags flags) {
    String mode = flags.graph() == null ? "embedded" : flags.graph().trim();
    boolean server = flags.neo4jUri() != null && !flags.neo4jUri().isBlank();
    if (mode.equalsIgnoreCase("none")) {
      if (server || flags.graphDir() != null || flags.boltPort() != null) {
        throw new UsageException(
            "--graph none: leave out --neo4j-uri, --graph-dir and --bolt-port");
      }
      return null;
    }
    if (!mode.equalsIgnoreCase("embedded")) {
      throw new UsageException(
          "--graph " + mode + ": expected embedded or none (a server is chosen by --neo4j-uri)");
    }
    if (server) {
      if (flags.graphDir() != null || flags.boltPort() != null) {
        throw new UsageException(
            "--neo4j-uri writes to a server: --graph-dir and --bolt-port are for the embedded store");
      }
      try {
        return GraphOptions.server(
            flags.neo4jUri(),
            flags.username() != null
                ? flags.username()
                : env.getOrDefault("NEO4J_USERNAME", "neo4j"),
            flags.password() != null ? flags.password() : password(flags.passwordFile()));
      } catch (GraphUnavailableException e) {
        throw new UsageException(e.getMessage());
      }
    }
    if (flags.passwordFile() != null || flags.password() != null) {
      throw new UsageException("--neo4j-password-file is for --neo4j-uri");
    }
    int port = flags.boltPort() == null ? 0 : flags.boltPort();
    if (flags.boltPort() != null && (port < 1 || port > 65535)) {
      throw new UsageException("--bolt-port " + port + ": expected a port from 1 to 65535");
    }
    if (flags.boltPort() == null && interactive) {
      port = INTERACTIVE_BOLT_PORT;
    }
    Path dir =
        flags.graphDir() == null
            ? Path.of(userHome, ".aiscan", "graph")
            : Path.of(flags.graphDir());
    return GraphOptions.embedded(dir, port);
  }

  private String password(String file) {
    if (file == null) {
      return env.get("NEO4J_PASSWORD");
    }
    try {
      return Files.readString(Path.of(file), StandardCharsets.UTF_8).strip();
    } catch (IOException | RuntimeException e) {
      throw new UsageException(
          "--neo4j-password-file "
              + file
              + ": cannot read it ("
              + e.getClass().getSimpleName()
              + ")");
    }
  }

  /** Opens the graph, or in the interactive shell hands back the one already open. */
  public synchronized Graph open(GraphOptions options) {
    if (shared != null && shared.options().equals(options)) {
      return shared;
    }
    if (shared != null) {
      shared.close();
      shared = null;
    }
    Graph graph = openWithFallback(options);
    if (interactive) {
      shared = graph;
    }
    return graph;
  }

  /** Opens the graph in the background, so that the embedded store starts while a scan runs. */
  public CompletableFuture<Graph> openAsync(GraphOptions options) {
    return CompletableFuture.supplyAsync(() -> open(options));
  }

  /** Waits for a graph {@link #openAsync} started, with its failure as it was thrown. */
  public static Graph await(CompletableFuture<Graph> pending) {
    try {
      return pending.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw e;
    }
  }

  /** Done with a graph: closed in one-shot use, kept in the interactive shell. */
  public synchronized void release(Graph graph) {
    if (graph != null && graph != shared) {
      graph.close();
    }
  }

  private Graph openWithFallback(GraphOptions options) {
    try {
      return Graph.open(options);
    } catch (GraphUnavailableException e) {
      // the interactive shell's default port may be taken, say by a Neo4j of the user's own
      if (interactive
          && options.embedded()
          && options.boltPort() == INTERACTIVE_BOLT_PORT
          && e.getMessage().contains("Bolt port is taken")) {
        log.warn("Bolt port {} is taken; the graph is only open to aiscan", INTERACTIVE_BOLT_PORT);
        return Graph.open(GraphOptions.embedded(options.storeDir(), 0));
      }
      throw e;
    }
  }

  @Override
  public synchronized void close() {
    if (shared != null) {
      shared.close();
      shared = null;
    }
  }
}

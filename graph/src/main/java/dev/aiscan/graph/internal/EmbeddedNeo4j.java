package dev.aiscan.graph.internal;

import dev.aiscan.graph.GraphUnavailableException;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.internal.helpers.HostnamePort;
import org.neo4j.io.locker.FileLockException;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

/**
 * An in-process Neo4j Community database whose only door is Bolt on 127.0.0.1, so that aiscan (and
 * Neo4j Browser or cypher-shell, when a port is given) reach it through the Java driver exactly as
 * they reach a server.
 */
public final class EmbeddedNeo4j implements AutoCloseable {
  private static final long PAGE_CACHE_BYTES = 256L * 1024 * 1024;
  private static final Duration SHUTDOWN_WAIT = Duration.ofMillis(200);

  private final Path home;
  private final DatabaseManagementService dbms;
  private final int boltPort;

  private EmbeddedNeo4j(Path home, DatabaseManagementService dbms, int boltPort) {
    this.home = home;
    this.dbms = dbms;
    this.boltPort = boltPort;
  }

  /**
   * Starts the database stored in {@code home}, creating it on first use.
   *
   * @param boltPort the loopback port for Bolt, or 0 for any free port
   * @throws GraphUnavailableException when another process holds the store, or it cannot be written
   */
  public static EmbeddedNeo4j start(Path home, int boltPort) {
    Path dir = home.toAbsolutePath().normalize();
    createOwnerOnly(dir);
    DatabaseManagementService dbms;
    try {
      dbms =
          new DatabaseManagementServiceBuilder(dir)
              .setConfig(BoltConnector.enabled, true)
              .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", boltPort))
              .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", boltPort))
              // aiscan closes its own connections first: no need to wait 5 s twice for stragglers
              .setConfig(
                  BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, SHUTDOWN_WAIT)
              .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, SHUTDOWN_WAIT)
              .setConfig(HttpConnector.enabled, false)
              .setConfig(HttpsConnector.enabled, false)
              .setConfig(GraphDatabaseSettings.auth_enabled, false)
              .setConfig(GraphDatabaseSettings.pagecache_memory, PAGE_CACHE_BYTES)
              .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
              .setConfig(GraphDatabaseSettings.keep_logical_logs, "2 files")
              .setConfig(
                  GraphDatabaseSettings.shutdown_transaction_end_timeout, Duration.ofSeconds(5))
              .build();
    } catch (RuntimeException e) {
      throw describe(dir, e);
    }
    try {
      GraphDatabaseAPI db =
          (GraphDatabaseAPI) dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
      HostnamePort bolt =
          db.getDependencyResolver()
              .resolveDependency(ConnectorPortRegister.class)
              .getLocalAddress(ConnectorType.BOLT);
      return new EmbeddedNeo4j(dir, dbms, bolt.getPort());
    } catch (RuntimeException e) {
      dbms.shutdown();
      throw describe(dir, e);
    }
  }

  /** {@code bolt://127.0.0.1:PORT} */
  public String boltUri() {
    return "bolt://127.0.0.1:" + boltPort;
  }

  public int boltPort() {
    return boltPort;
  }

  public Path home() {
    return home;
  }

  @Override
  public void close() {
    dbms.shutdown();
  }

  private static void createOwnerOnly(Path dir) {
    try {
      if (!Files.isDirectory(dir)) {
        Files.createDirectories(dir);
        try {
          Files.setPosixFilePermissions(
              dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        } catch (UnsupportedOperationException notPosix) {
          // Windows: the user profile's own permissions apply
        }
      }
      if (!Files.isWritable(dir)) {
        throw new GraphUnavailableException("graph store " + dir + ": not writable");
      }
    } catch (IOException e) {
      throw new GraphUnavailableException(
          "graph store " + dir + ": cannot create it (" + reason(e) + ")", e);
    }
  }

  private static GraphUnavailableException describe(Path dir, RuntimeException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof FileLockException) {
        return new GraphUnavailableException(
            "graph store "
                + dir
                + " is in use by another process (another aiscan?); wait for it, or use"
                + " --graph-dir",
            e);
      }
      if (t instanceof java.net.BindException) {
        return new GraphUnavailableException(
            "graph store " + dir + ": the Bolt port is taken (" + t.getMessage() + ")", e);
      }
      if (t instanceof FileSystemException fs) {
        return new GraphUnavailableException("graph store " + dir + ": " + reason(fs), e);
      }
    }
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return new GraphUnavailableException(
        "graph store " + dir + ": cannot start the embedded Neo4j (" + oneLine(root) + ")", e);
  }

  private static String reason(IOException e) {
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
  }

  private static String oneLine(Throwable t) {
    String message =
        t.getMessage() == null ? "" : ": " + t.getMessage().lines().findFirst().orElse("");
    return t.getClass().getSimpleName() + message;
  }
}

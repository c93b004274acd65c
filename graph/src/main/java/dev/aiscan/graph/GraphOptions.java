package dev.aiscan.graph;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the graph lives: an embedded store on disk, or a Neo4j server, Aura instance or cluster.
 *
 * @param storeDir the embedded store's directory; null for a server
 * @param boltPort the embedded store's Bolt port on 127.0.0.1, or 0 for a free one only aiscan uses
 * @param uri the server's URI ({@code bolt://}, {@code neo4j://}, {@code neo4j+s://}, ...); null
 *     for the embedded store
 * @param username the server user
 * @param password the server password; never printed
 */
public record GraphOptions(Path storeDir, int boltPort, URI uri, String username, String password) {

  public GraphOptions {
    if ((storeDir == null) == (uri == null)) {
      throw new IllegalArgumentException("either a store directory or a server URI");
    }
    if (boltPort < 0 || boltPort > 65535) {
      throw new IllegalArgumentException("Bolt port out of range: " + boltPort);
    }
  }

  /** The embedded store in {@code dir}; {@code boltPort} 0 keeps Bolt to a free private port. */
  public static GraphOptions embedded(Path dir, int boltPort) {
    return new GraphOptions(Objects.requireNonNull(dir, "dir"), boltPort, null, null, null);
  }

  /**
   * A Neo4j server, Aura or cluster.
   *
   * @throws GraphUnavailableException when the URI is not a Neo4j URI
   */
  public static GraphOptions server(String uri, String username, String password) {
    URI parsed;
    try {
      parsed = URI.create(uri.trim());
    } catch (IllegalArgumentException e) {
      throw new GraphUnavailableException("--neo4j-uri " + uri + ": not a URI");
    }
    String scheme = parsed.getScheme() == null ? "" : parsed.getScheme();
    if (!scheme.matches("bolt(\\+s|\\+ssc)?|neo4j(\\+s|\\+ssc)?") || parsed.getHost() == null) {
      throw new GraphUnavailableException(
          "--neo4j-uri "
              + redacted(parsed)
              + ": expected bolt://, neo4j://, neo4j+s:// (or +ssc) with a host");
    }
    return new GraphOptions(null, 0, parsed, username, password);
  }

  public boolean embedded() {
    return storeDir != null;
  }

  /** What to call the graph in messages: the store directory or the URI, never a password. */
  public String describe() {
    return embedded() ? "graph store " + storeDir : "Neo4j " + redacted(uri);
  }

  /** The URI without any user information it may carry. */
  static String redacted(URI uri) {
    if (uri.getUserInfo() == null) {
      return uri.toString();
    }
    return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
  }

  @Override
  public String toString() {
    return describe();
  }
}

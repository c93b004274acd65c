package dev.aiscan.graph.internal;

import java.util.List;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.exceptions.ClientException;

/**
 * The graph's constraints and indexes, created idempotently when a graph is opened. Every node the
 * writer merges has a uniqueness constraint on its key, which is what makes MERGE both fast and
 * safe when several scanners write at once.
 */
public final class GraphSchema {
  /** Node labels aiscan writes, in the order {@code graph stats} lists them. */
  public static final List<String> NODE_LABELS =
      List.of(
          "Scan",
          "Target",
          "Repository",
          "CloudAccount",
          "SaaSTenant",
          "CloudResource",
          "Package",
          "AIProvider",
          "AIModel",
          "Asset",
          "Finding",
          "RegisterEntry",
          "Owner");

  /** Relationship types aiscan writes. */
  public static final List<String> RELATIONSHIP_TYPES =
      List.of(
          "SCANNED",
          "SAW",
          "DEPENDS_ON",
          "CLIENT_OF",
          "USES_MODEL",
          "SERVED_BY",
          "FOUND_IN",
          "PROVIDED_BY",
          "EVIDENCE_OF",
          "HAS_RESOURCE",
          "LOCATED_AT",
          "CHECKED",
          "COVERS",
          "OWNED_BY",
          "SAME_SYSTEM");

  public static final List<String> STATEMENTS =
      List.of(
          "CREATE CONSTRAINT scan_id IF NOT EXISTS FOR (n:Scan) REQUIRE n.id IS UNIQUE",
          "CREATE CONSTRAINT target_id IF NOT EXISTS FOR (n:Target) REQUIRE n.id IS UNIQUE",
          "CREATE CONSTRAINT package_key IF NOT EXISTS FOR (n:Package) REQUIRE n.key IS UNIQUE",
          "CREATE CONSTRAINT provider_id IF NOT EXISTS FOR (n:AIProvider) REQUIRE n.id IS UNIQUE",
          "CREATE CONSTRAINT model_name IF NOT EXISTS FOR (n:AIModel) REQUIRE n.name IS UNIQUE",
          "CREATE CONSTRAINT asset_id IF NOT EXISTS FOR (n:Asset) REQUIRE n.id IS UNIQUE",
          "CREATE CONSTRAINT finding_id IF NOT EXISTS FOR (n:Finding) REQUIRE n.id IS UNIQUE",
          "CREATE CONSTRAINT register_entry_id IF NOT EXISTS FOR (n:RegisterEntry) REQUIRE n.id IS"
              + " UNIQUE",
          "CREATE CONSTRAINT owner_name IF NOT EXISTS FOR (n:Owner) REQUIRE n.name IS UNIQUE",
          "CREATE CONSTRAINT cloud_resource_id IF NOT EXISTS FOR (n:CloudResource) REQUIRE n.id IS"
              + " UNIQUE",
          "CREATE INDEX asset_target IF NOT EXISTS FOR (n:Asset) ON (n.targetId)",
          "CREATE INDEX asset_status IF NOT EXISTS FOR (n:Asset) ON (n.status)",
          "CREATE INDEX finding_target IF NOT EXISTS FOR (n:Finding) ON (n.targetId)",
          "CREATE INDEX cloud_resource_target IF NOT EXISTS FOR (n:CloudResource) ON (n.targetId)",
          "CREATE INDEX package_name IF NOT EXISTS FOR (n:Package) ON (n.ecosystem, n.name)",
          "CREATE INDEX scan_started IF NOT EXISTS FOR (n:Scan) ON (n.started)");

  private GraphSchema() {}

  /**
   * Creates what is missing and waits for the indexes to come online. Two scanners starting at once
   * may race to create the same constraint; the loser's "already exists" is success.
   */
  public static void apply(Driver driver) {
    try (Session session = driver.session()) {
      for (String statement : STATEMENTS) {
        try {
          session.run(statement).consume();
        } catch (ClientException e) {
          if (e.code() == null || !e.code().contains("AlreadyExists")) {
            throw e;
          }
        }
      }
      session.run("CALL db.awaitIndexes(300)").consume();
    }
  }
}

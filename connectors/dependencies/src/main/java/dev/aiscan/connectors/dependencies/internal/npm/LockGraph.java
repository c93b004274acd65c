package dev.aiscan.connectors.dependencies.internal.npm;

import java.util.HashMap;
import java.util.Map;

/**
 * The installed packages a lockfile records, and how a dependency name resolves to one of them.
 * Node ids are the lockfile's own keys (a node_modules path, a yarn descriptor, a pnpm key).
 */
abstract class LockGraph {

  /**
   * One installed package; {@code deps} maps a dependency name to the range or reference it names.
   */
  record Node(String name, String version, Map<String, String> deps) {}

  final Map<String, Node> nodes = new HashMap<>();

  /**
   * The node a workspace (its directory relative to the lockfile's, {@code ""} for the root)
   * declares, or null.
   */
  abstract String direct(String importer, String name, String range);

  /** The node that {@code from}'s dependency resolves to, or null when it is not installed. */
  abstract String child(String from, String name, String range);

  /** Name out of {@code name@rest}, {@code @scope/name@rest}. */
  static String nameOf(String descriptor) {
    int at = descriptor.indexOf('@', 1);
    return at < 0 ? descriptor : descriptor.substring(0, at);
  }
}

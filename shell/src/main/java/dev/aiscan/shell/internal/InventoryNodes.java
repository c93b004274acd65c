package dev.aiscan.shell.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiscan.core.ScanResult;
import dev.aiscan.reports.InventoryJsonWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A scan's assets and findings as JSON objects exactly as {@code inventory.json} writes them, so
 * that the {@code --json} output of {@code assets}, {@code findings} and {@code shadow} has the
 * contract's field names (docs/report-schema.md) and follows it when the schema grows. The objects
 * come from {@link InventoryJsonWriter} itself rather than from a second mapping that could drift.
 */
public final class InventoryNodes {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final Map<String, ObjectNode> assets = new HashMap<>();
  private final Map<String, ObjectNode> findings = new HashMap<>();

  private InventoryNodes(JsonNode inventory) {
    inventory.path("assets").forEach(a -> assets.put(a.get("id").asText(), (ObjectNode) a));
    inventory.path("findings").forEach(f -> findings.put(f.get("id").asText(), (ObjectNode) f));
  }

  /** The inventory of this result, rendered once and indexed by asset and finding id. */
  public static InventoryNodes of(ScanResult result) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      new InventoryJsonWriter().write(result, out);
      return new InventoryNodes(JSON.readTree(out.toByteArray()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The asset's object, as in {@code assets[]}. */
  public ObjectNode asset(String id) {
    return assets.get(id).deepCopy();
  }

  /** The finding's object, as in {@code findings[]}. */
  public ObjectNode finding(String id) {
    return findings.get(id).deepCopy();
  }

  /** These assets' objects, in the order given. */
  public ArrayNode assets(List<String> ids) {
    ArrayNode array = JSON.createArrayNode();
    ids.forEach(id -> array.add(asset(id)));
    return array;
  }

  /** These findings' objects, in the order given. */
  public ArrayNode findings(List<String> ids) {
    ArrayNode array = JSON.createArrayNode();
    ids.forEach(id -> array.add(finding(id)));
    return array;
  }

  /** Pretty-printed JSON, for stdout. */
  public static String print(JsonNode node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}

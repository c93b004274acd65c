package dev.aiscan.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiscan.core.ScanException;
import dev.aiscan.core.ScanResult;
import dev.aiscan.core.history.ScanHistory;
import dev.aiscan.core.register.Reconciler;
import dev.aiscan.core.register.Register;
import dev.aiscan.core.register.RegisterEntry;
import dev.aiscan.core.register.Selectors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** inventory.json read back renders the same inventory.json: nothing the reports need is lost. */
class InventoryJsonReaderTest {
  @TempDir Path dir;

  @Test
  void aWrittenInventoryReadsBackToTheSameBytes() throws Exception {
    RegisterEntry entry =
        new RegisterEntry(
            "shop-assistant",
            "Shop assistant",
            null,
            "shop-team@example.com",
            null,
            null,
            null,
            null,
            null,
            null,
            "OpenAI",
            List.of("gpt-4o"),
            List.of(),
            null,
            new Selectors(
                List.of("shop"),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                List.of("openai"),
                null),
            new RegisterEntry.Origin("register.yaml", 4));
    ScanResult reconciled =
        Reconciler.reconcile(
            InventoryJsonWriterTest.result(),
            new Register("register.yaml", List.of(entry)),
            ScanHistory.NONE,
            3);
    new InventoryJsonWriter().write(reconciled, dir);
    byte[] written = Files.readAllBytes(dir.resolve("inventory.json"));

    ScanResult back = InventoryJsonReader.read(dir.resolve("inventory.json"));
    Path again = Files.createDirectories(dir.resolve("again"));
    new InventoryJsonWriter().write(back, again);

    assertThat(Files.readAllBytes(again.resolve("inventory.json"))).isEqualTo(written);
    assertThat(back.reconciliation().entries().get(0).owner()).isEqualTo("shop-team@example.com");
    assertThat(back.findings()).isEqualTo(reconciled.findings());
  }

  @Test
  void cloudResourcesReadBackWithTheirTags() throws Exception {
    ScanResult result = ReportFixtures.result();
    new InventoryJsonWriter().write(result, dir);
    byte[] written = Files.readAllBytes(dir.resolve("inventory.json"));

    ScanResult back = InventoryJsonReader.read(dir.resolve("inventory.json"));

    assertThat(back.resources()).isEqualTo(result.resources());
    assertThat(back.resources().get(0).tag("Owner")).isEqualTo("support-platform@example.com");
    Path again = Files.createDirectories(dir.resolve("again"));
    new InventoryJsonWriter().write(back, again);
    assertThat(Files.readAllBytes(again.resolve("inventory.json"))).isEqualTo(written);
  }

  @Test
  void anInventoryWrittenBeforeResourcesReadsBackWithNone() throws Exception {
    new InventoryJsonWriter().write(ReportFixtures.result(), dir);
    Path file = dir.resolve("inventory.json");
    com.fasterxml.jackson.databind.node.ObjectNode json =
        (com.fasterxml.jackson.databind.node.ObjectNode)
            new com.fasterxml.jackson.databind.ObjectMapper().readTree(file.toFile());
    json.put("schemaVersion", "1.1");
    json.remove("resources");
    Files.writeString(file, json.toString());

    ScanResult back = InventoryJsonReader.read(file);

    assertThat(back.resources()).isEmpty();
    assertThat(back.findings()).isEqualTo(ReportFixtures.result().findings());
  }

  @Test
  void aFileThatIsNotAnInventoryIsOneLineNamingIt() throws Exception {
    Path file = Files.writeString(dir.resolve("package.json"), "{\"name\": \"shop\"}");
    assertThatThrownBy(() -> InventoryJsonReader.read(file))
        .isInstanceOf(ScanException.class)
        .hasMessage(file + ": not an aiscan inventory (schemaVersion '', expected 1.x)");
  }
}

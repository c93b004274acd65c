package dev.aiscan.connectors.source.internal;

import dev.aiscan.connectors.source.internal.config.BicepExtractor;
import dev.aiscan.connectors.source.internal.config.DockerfileExtractor;
import dev.aiscan.connectors.source.internal.config.DotEnvExtractor;
import dev.aiscan.connectors.source.internal.config.JsonConfigExtractor;
import dev.aiscan.connectors.source.internal.config.PropertiesExtractor;
import dev.aiscan.connectors.source.internal.config.TerraformExtractor;
import dev.aiscan.connectors.source.internal.config.YamlExtractor;
import dev.aiscan.connectors.source.internal.lang.CSharpExtractor;
import dev.aiscan.connectors.source.internal.lang.GoExtractor;
import dev.aiscan.connectors.source.internal.lang.JavaExtractor;
import dev.aiscan.connectors.source.internal.lang.JavaScriptExtractor;
import dev.aiscan.connectors.source.internal.lang.NotebookExtractor;
import dev.aiscan.connectors.source.internal.lang.PythonExtractor;
import dev.aiscan.connectors.source.internal.model.ModelFileExtractor;
import java.util.List;
import java.util.Optional;

/**
 * The extractors of the source connector, in one explicit list: the first that accepts a file reads
 * it.
 */
public final class Extractors {
  private static final List<Extractor> ALL =
      List.of(
          // code
          new CSharpExtractor(),
          new GoExtractor(),
          new JavaExtractor(),
          new JavaScriptExtractor(),
          new NotebookExtractor(),
          new PythonExtractor(),
          // configuration and infrastructure
          new BicepExtractor(),
          new DockerfileExtractor(),
          new DotEnvExtractor(),
          new JsonConfigExtractor(),
          new PropertiesExtractor(),
          new TerraformExtractor(),
          new YamlExtractor(),
          // models
          new ModelFileExtractor());

  private Extractors() {}

  public static List<Extractor> all() {
    return ALL;
  }

  public static Optional<Extractor> forFile(SourceFile file) {
    for (Extractor e : ALL) {
      if (e.accepts(file)) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }
}

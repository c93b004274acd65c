package dev.aiscan.connectors.dependencies.internal;

import dev.aiscan.connectors.dependencies.internal.cargo.CargoLockReader;
import dev.aiscan.connectors.dependencies.internal.dotnet.NuGetReader;
import dev.aiscan.connectors.dependencies.internal.go.GoModReader;
import dev.aiscan.connectors.dependencies.internal.gradle.GradleReader;
import dev.aiscan.connectors.dependencies.internal.maven.MavenReader;
import dev.aiscan.connectors.dependencies.internal.npm.NpmReader;
import dev.aiscan.connectors.dependencies.internal.python.PythonReader;
import dev.aiscan.connectors.dependencies.internal.ruby.GemfileLockReader;
import java.util.List;

/** The ecosystem readers, in one explicit list. */
public final class Readers {
  private static final List<EcosystemReader> ALL =
      List.of(
          new CargoLockReader(),
          new GemfileLockReader(),
          new GoModReader(),
          new GradleReader(),
          new MavenReader(),
          new NpmReader(),
          new NuGetReader(),
          new PythonReader());

  private Readers() {}

  public static List<EcosystemReader> all() {
    return ALL;
  }
}

package dev.aiscan.testkit;

import dev.aiscan.core.ScanResult;
import dev.aiscan.core.model.Asset;
import dev.aiscan.core.model.AssetStatus;
import dev.aiscan.core.model.Category;
import dev.aiscan.core.model.Confidence;
import dev.aiscan.core.model.DependencyPath;
import dev.aiscan.core.model.Finding;
import dev.aiscan.core.model.Location;
import dev.aiscan.core.model.PackageDependency;
import dev.aiscan.core.model.Scan;
import dev.aiscan.core.model.Target;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A deterministic scan result of an estate of repositories, for graph ingest benchmarks and crash
 * tests: each repository has its own npm dependency tree (a heap-shaped tree of {@code
 * packagesPerRepo} packages under ten direct dependencies) plus a set of packages every repository
 * shares, and calls OpenAI and LangChain from a few files, naming models from a small pool.
 *
 * <p>With 200 repositories of 960 own packages this is about 200k nodes and 400k relationships.
 */
public final class SyntheticEstate {
  private static final String[] SHARED = {
    "express",
    "lodash",
    "react",
    "react-dom",
    "axios",
    "typescript",
    "zod",
    "dotenv",
    "uuid",
    "chalk"
  };
  private static final String[] MODELS = {
    "gpt-4o", "gpt-4o-mini", "o3-mini", "text-embedding-3-small", "gpt-4.1", "gpt-4.1-mini"
  };
  private static final int DIRECTS = 10;

  private final int repositories;
  private final int packagesPerRepo;
  private final int findingsPerRepo;

  /**
   * @param repositories how many repositories
   * @param packagesPerRepo each repository's own packages (besides the shared ones)
   * @param findingsPerRepo findings per repository, split between an OpenAI and a LangChain asset
   */
  public SyntheticEstate(int repositories, int packagesPerRepo, int findingsPerRepo) {
    this.repositories = repositories;
    this.packagesPerRepo = packagesPerRepo;
    this.findingsPerRepo = findingsPerRepo;
  }

  /** The estate ingest benchmarks use: about 200k nodes and 400k relationships. */
  public static SyntheticEstate large() {
    return new SyntheticEstate(200, 960, 40);
  }

  public ScanResult scan(String scanId, Instant at) {
    List<Target> targets = new ArrayList<>();
    List<PackageDependency> dependencies = new ArrayList<>();
    List<Finding> findings = new ArrayList<>();
    List<Asset> assets = new ArrayList<>();
    for (int r = 0; r < repositories; r++) {
      String name = String.format("service-%04d", r);
      Target target = new Target("source:/estate/" + name, "source", name, "/estate/" + name);
      targets.add(target);
      String project = name;
      for (String shared : SHARED) {
        dependencies.add(
            new PackageDependency(
                target.id(),
                project,
                "npm",
                shared,
                "1.0.0",
                shared + "@1.0.0",
                null,
                true,
                null,
                "package.json"));
      }
      // a heap-shaped tree: package i's parent is (i - DIRECTS) / 4, the first DIRECTS are direct
      for (int i = 0; i < packagesPerRepo; i++) {
        String parent = i < DIRECTS ? null : label(r, (i - DIRECTS) / 4);
        dependencies.add(
            new PackageDependency(
                target.id(),
                project,
                "npm",
                packageName(r, i),
                version(i),
                label(r, i),
                parent,
                i < DIRECTS,
                i % 7 == 0 ? "dev" : null,
                "package.json"));
      }
      addFindings(target, r, findings, assets);
    }
    Scan scan = new Scan(scanId, at, at.plusSeconds(60), targets, "bench");
    return new ScanResult(scan, findings, assets, List.of(), 0, dependencies, Set.of());
  }

  private void addFindings(Target target, int r, List<Finding> findings, List<Asset> assets) {
    List<String> openai = new ArrayList<>();
    List<String> langchain = new ArrayList<>();
    for (int f = 0; f < findingsPerRepo; f++) {
      boolean isOpenai = f % 2 == 0;
      String provider = isOpenai ? "openai" : "langchain";
      String model = isOpenai && f % 4 == 0 ? MODELS[(r + f) % MODELS.length] : null;
      Location location = Location.file("src/module" + (f / 4) + "/client.ts", 10 + f);
      String rule =
          isOpenai ? (model != null ? "openai-model-name" : "openai-sdk-js") : "langchain-js";
      DependencyPath dependency =
          f == 1 ? new DependencyPath(true, List.of(target.name(), label(r, 0)), null) : null;
      String id = Finding.idOf(rule, target.id(), location, model, null);
      findings.add(
          new Finding(
              id,
              rule,
              provider,
              model != null ? Category.MODEL : Category.SDK,
              Confidence.HIGH,
              target.id(),
              location,
              model != null ? "model: \"" + model + "\"" : "import OpenAI from \"openai\"",
              model,
              null,
              dependency));
      (isOpenai ? openai : langchain).add(id);
    }
    assets.add(asset(target, "openai", openai));
    assets.add(asset(target, "langchain", langchain));
  }

  private static Asset asset(Target target, String provider, List<String> findingIds) {
    return new Asset(
        "a-" + provider + "-" + target.name(),
        provider,
        "ai-integration",
        provider + " in " + target.name(),
        target.id(),
        List.of(),
        List.of(Category.SDK),
        Confidence.HIGH,
        false,
        findingIds,
        AssetStatus.SHADOW,
        null,
        "no register given");
  }

  private static String packageName(int repo, int i) {
    return "@svc" + repo + "/lib-" + i;
  }

  private static String version(int i) {
    return "1." + (i % 13) + "." + (i % 5);
  }

  private static String label(int repo, int i) {
    return packageName(repo, i) + "@" + version(i);
  }
}

package dev.aiscan.core.register;

import dev.aiscan.core.ScanResult;
import dev.aiscan.core.model.Asset;
import dev.aiscan.core.model.Category;
import dev.aiscan.core.model.Finding;
import dev.aiscan.core.model.Location;
import dev.aiscan.core.model.Target;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds assets that are one AI system seen from different sides, and says why: each link is
 * evidence a person can check, never a guess from names alone.
 *
 * <ul>
 *   <li>{@code api-key}: a key found in code and the same key elsewhere (in other code, or in an
 *       OpenAI or Anthropic key inventory, whose redacted hint shows its first and last
 *       characters);
 *   <li>{@code endpoint}: code calling {@code https://NAME.openai.azure.com} (or {@code
 *       .cognitiveservices.azure.com}) and the Azure account {@code NAME};
 *   <li>{@code deployment}: code naming an Azure OpenAI deployment and that deployment;
 *   <li>{@code model-usage}: a Bedrock (or other cloud) model id in code and the account that
 *       invokes it;
 *   <li>{@code repository}: a repository a SaaS connector lists and the source scan of it.
 * </ul>
 */
public final class Correlator {
  private static final Pattern AZURE_HOST =
      Pattern.compile(
          "(?i)\\b([a-z0-9][a-z0-9-]{1,62})\\.(?:openai|cognitiveservices|services\\.ai)\\.azure\\.com");
  private static final Pattern AZURE_ACCOUNT =
      Pattern.compile(
          "(?i)/providers/Microsoft\\.CognitiveServices/accounts/([^/]+)(/deployments/([^/]+))?");
  private static final Pattern KEY_ENDS = Pattern.compile("^(\\S+?)(?:…|\\.\\.\\.|\\*{3,})(\\S+)");
  private static final Pattern REPOSITORY =
      Pattern.compile("(?i)^(?:https?://)?(?:www\\.)?github\\.com/[^/]+/([^/]+?)(?:\\.git)?/?$");

  private Correlator() {}

  public static List<AssetLink> links(ScanResult result) {
    Map<String, Asset> assetOfFinding = new HashMap<>();
    for (Asset a : result.assets()) {
      a.findingIds().forEach(id -> assetOfFinding.put(id, a));
    }
    Map<String, Target> targets = new HashMap<>();
    result.scan().targets().forEach(t -> targets.put(t.id(), t));
    Map<String, AssetLink> links = new TreeMap<>();
    // only findings that can link: keys, cloud resources, Azure hosts, cloud model ids
    List<Finding> findings =
        result.findings().stream()
            .filter(
                f ->
                    f.category() == Category.CREDENTIAL
                        || f.location().resource() != null
                        || f.evidence().contains(".azure.com")
                        || (f.model() != null
                            && (f.provider().startsWith("aws-")
                                || f.provider().equals("azure-openai"))))
            .toList();

    for (int i = 0; i < findings.size(); i++) {
      Finding a = findings.get(i);
      for (int j = i + 1; j < findings.size(); j++) {
        Finding b = findings.get(j);
        Asset assetA = assetOfFinding.get(a.id());
        Asset assetB = assetOfFinding.get(b.id());
        if (assetA == null || assetB == null || assetA.id().equals(assetB.id())) {
          continue;
        }
        AssetLink link = link(a, assetA, b, assetB);
        if (link == null) {
          link = link(b, assetB, a, assetA);
        }
        if (link != null) {
          String from = link.from().compareTo(link.to()) <= 0 ? link.from() : link.to();
          String to = from.equals(link.from()) ? link.to() : link.from();
          links.putIfAbsent(
              from + "\u0000" + to + "\u0000" + link.kind(),
              new AssetLink(from, to, link.kind(), link.reason()));
        }
      }
    }
    repositories(result, targets, assetOfFinding, links);
    return new ArrayList<>(links.values());
  }

  /** A link from finding {@code a} (usually in code) to {@code b}, or null. */
  private static AssetLink link(Finding a, Asset assetA, Finding b, Asset assetB) {
    if (a.category() == Category.CREDENTIAL && b.category() == Category.CREDENTIAL) {
      String ka = keyEnds(a.fingerprint());
      String kb = keyEnds(b.fingerprint());
      if (ka != null && kb != null && sameKey(a.fingerprint(), b.fingerprint())) {
        return new AssetLink(
            assetA.id(),
            assetB.id(),
            "api-key",
            "the same API key (" + ka + ") is in " + where(a) + " and in " + where(b));
      }
      return null;
    }
    Matcher account = AZURE_ACCOUNT.matcher(Objects.toString(b.location().resource(), ""));
    if (account.find()) {
      String name = account.group(1);
      String deployment = account.group(3);
      Matcher host = AZURE_HOST.matcher(a.evidence());
      if (a.location().file() != null && host.find() && host.group(1).equalsIgnoreCase(name)) {
        return new AssetLink(
            assetA.id(),
            assetB.id(),
            "endpoint",
            where(a) + " calls " + host.group() + ", the Azure account " + name);
      }
      if (deployment != null
          && a.location().file() != null
          && a.provider().equals("azure-openai")
          && deployment.equalsIgnoreCase(a.model())) {
        return new AssetLink(
            assetA.id(),
            assetB.id(),
            "deployment",
            where(a) + " names the deployment " + deployment + " of Azure account " + name);
      }
    }
    if (a.location().file() != null
        && b.location().resource() != null
        && a.model() != null
        && a.model().equals(b.model())
        && a.provider().equals(b.provider())
        && a.provider().startsWith("aws-")) {
      return new AssetLink(
          assetA.id(),
          assetB.id(),
          "model-usage",
          "model " + a.model() + " named in " + where(a) + " is used by " + where(b));
    }
    return null;
  }

  private static void repositories(
      ScanResult result,
      Map<String, Target> targets,
      Map<String, Asset> assetOfFinding,
      Map<String, AssetLink> links) {
    for (Finding f : result.findings()) {
      Matcher repo = REPOSITORY.matcher(Objects.toString(f.location().resource(), ""));
      Asset saas = assetOfFinding.get(f.id());
      if (!repo.matches() || saas == null) {
        continue;
      }
      for (Asset code : result.assets()) {
        Target t = targets.get(code.targetId());
        if (t == null || code.id().equals(saas.id()) || !t.kind().equals("source")) {
          continue;
        }
        if (t.name().equalsIgnoreCase(repo.group(1))) {
          String from = code.id().compareTo(saas.id()) <= 0 ? code.id() : saas.id();
          String to = from.equals(code.id()) ? saas.id() : code.id();
          links.putIfAbsent(
              from + "\u0000" + to + "\u0000repository",
              new AssetLink(
                  from,
                  to,
                  "repository",
                  "repository "
                      + f.location().resource()
                      + " is the scanned source tree "
                      + t.name()));
        }
      }
    }
  }

  /** {@code sk-p…wxyz} from a fingerprint or a provider's redacted hint, or null. */
  static String keyEnds(String fingerprint) {
    if (fingerprint == null) {
      return null;
    }
    Matcher m = KEY_ENDS.matcher(fingerprint.strip());
    return m.find() && m.group(2).length() >= 3 ? m.group(1) + "…" + m.group(2) : null;
  }

  /**
   * Two fingerprints or hints of the same key: the same hash when both have one, else the same last
   * characters and starts of which one extends the other ({@code sk-p} and {@code sk-proj-}).
   */
  static boolean sameKey(String x, String y) {
    String hx = hash(x);
    String hy = hash(y);
    if (hx != null && hy != null) {
      return hx.equals(hy);
    }
    Matcher mx = KEY_ENDS.matcher(x.strip());
    Matcher my = KEY_ENDS.matcher(y.strip());
    if (!mx.find() || !my.find()) {
      return false;
    }
    String tailX = mx.group(2);
    String tailY = my.group(2);
    int n = Math.min(tailX.length(), tailY.length());
    if (n < 3
        || !tailX.endsWith(tailY.substring(tailY.length() - n))
        || !tailY.endsWith(tailX.substring(tailX.length() - n))) {
      return false;
    }
    String headX = mx.group(1);
    String headY = my.group(1);
    return headX.startsWith(headY) || headY.startsWith(headX);
  }

  private static String hash(String fingerprint) {
    int i = fingerprint.indexOf("sha256:");
    return i < 0 ? null : fingerprint.substring(i).strip();
  }

  private static String where(Finding f) {
    Location l = f.location();
    if (l.file() != null) {
      return l.file() + (l.line() == null ? "" : ":" + l.line());
    }
    return Objects.toString(l.resource(), f.targetId());
  }
}

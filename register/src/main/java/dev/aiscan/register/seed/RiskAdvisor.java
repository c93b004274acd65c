package dev.aiscan.register.seed;

import static dev.aiscan.register.seed.Words.keyword;

import dev.aiscan.core.model.Asset;
import dev.aiscan.core.model.Finding;
import dev.aiscan.core.register.RegisterEntry.RiskLevel;
import dev.aiscan.register.seed.Words.Keyword;
import dev.aiscan.register.seed.Words.Lexicon;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Suggests a risk level for a group of assets, with its reasons: a starting point for the person
 * who assesses the system, never a verdict.
 *
 * <p>It starts at minimal. A third-party hosted AI API raises it to limited (data leaves the
 * organisation), as do personal-data indicators in the files with findings (e-mail, date of birth,
 * patient, ...). Words of a decision domain of the EU AI Act's Annex III in those files (hiring,
 * creditworthiness, health, education, insurance pricing, law enforcement, migration, biometrics)
 * raise it to high. Whether the system is generative or predictive is stated as a reason.
 */
public final class RiskAdvisor {
  private RiskAdvisor() {}

  /** Files are read up to this many bytes. */
  static final int MAX_BYTES = 1024 * 1024;

  /** A reason names at most this many files. */
  private static final int MAX_FILES_NAMED = 3;

  private static final List<Keyword> PERSONAL_DATA =
      List.of(
          keyword("email", "email", 1),
          keyword("email", "e mail", 1),
          keyword("phone", "phone", 1),
          keyword("phone", "telephone", 1),
          keyword("phone", "mobile number", 1),
          keyword(
              "address",
              "address",
              1,
              "ip",
              "mac",
              "email",
              "mail",
              "server",
              "host",
              "bind",
              "listen",
              "remote",
              "local",
              "memory",
              "socket",
              "web",
              "url",
              "inet",
              "base",
              "proxy",
              "gateway",
              "wallet",
              "contract",
              "network",
              "hardware",
              "broadcast",
              "return",
              "reply",
              "sender",
              "from"),
          keyword("address", "home address", 1),
          keyword("address", "street address", 1),
          keyword("address", "postal address", 1),
          keyword("address", "postcode", 1),
          keyword("address", "zip code", 1),
          keyword("date of birth", "date of birth", 1),
          keyword("date of birth", "dob", 1),
          keyword("date of birth", "birth date", 1),
          keyword("date of birth", "birthdate", 1),
          keyword("date of birth", "birthday", 1),
          keyword("social security number", "ssn", 1),
          keyword("social security number", "social security", 1),
          keyword("passport", "passport", 1),
          keyword("national id", "national id", 1),
          keyword("national id", "national identity", 1),
          keyword("national id", "national insurance number", 1),
          keyword("iban", "iban", 1),
          keyword("credit card", "credit card", 1),
          keyword("credit card", "creditcard", 1),
          keyword("credit card", "card number", 1),
          keyword("salary", "salary", 1),
          keyword("salary", "payroll", 1),
          keyword("patient", "patient", 1),
          keyword("diagnosis", "diagnosis", 1));

  /** A domain is named when its keywords in one file weigh at least this much. */
  private static final int DOMAIN_THRESHOLD = 2;

  private static final int STRONG = 2;
  private static final int WEAK = 1;

  /** Decision domains of the EU AI Act, Annex III: strong words alone, weak ones in pairs. */
  private static final List<Keyword> DOMAINS =
      List.of(
          // Annex III 4: employment, workers management, access to self-employment
          keyword("hiring", "hiring", STRONG),
          keyword("hiring", "recruit", STRONG),
          keyword("hiring", "recruiting", STRONG),
          keyword("hiring", "recruitment", STRONG),
          keyword("hiring", "recruiter", STRONG),
          keyword("hiring", "job applicant", STRONG),
          keyword("hiring", "job application", STRONG),
          keyword("hiring", "applicant tracking", STRONG),
          keyword("hiring", "talent acquisition", STRONG),
          keyword("hiring", "resume screening", STRONG),
          keyword("hiring", "cv screening", STRONG),
          keyword("hiring", "candidate screening", STRONG),
          keyword("hiring", "performance review", STRONG),
          keyword("hiring", "hire", WEAK),
          keyword("hiring", "candidate", WEAK),
          keyword("hiring", "applicant", WEAK),
          keyword("hiring", "resume", WEAK),
          keyword("hiring", "cv", WEAK),
          keyword("hiring", "interview", WEAK),
          keyword("hiring", "screening", WEAK),
          // Annex III 5(b): creditworthiness and credit scores
          keyword("creditworthiness", "creditworthiness", STRONG),
          keyword("creditworthiness", "credit worthiness", STRONG),
          keyword("creditworthiness", "credit score", STRONG),
          keyword("creditworthiness", "credit scoring", STRONG),
          keyword("creditworthiness", "credit risk", STRONG),
          keyword("creditworthiness", "credit check", STRONG),
          keyword("creditworthiness", "credit decision", STRONG),
          keyword("creditworthiness", "loan", STRONG),
          keyword("creditworthiness", "mortgage", STRONG),
          keyword("creditworthiness", "borrower", STRONG),
          keyword("creditworthiness", "credit", WEAK),
          keyword("creditworthiness", "lending", WEAK),
          // Annex III 5(a), 5(d): essential health services, emergency triage
          keyword("health", "medical", STRONG),
          keyword("health", "patient", STRONG),
          keyword("health", "diagnosis", STRONG),
          keyword("health", "clinical", STRONG),
          keyword("health", "healthcare", STRONG),
          keyword("health", "medication", STRONG),
          keyword("health", "prescription", STRONG),
          keyword("health", "hospital", STRONG),
          keyword("health", "health record", STRONG),
          keyword("health", "symptom", STRONG),
          keyword("health", "health", WEAK, "service", "liveness", "readiness"),
          keyword("health", "treatment", WEAK),
          keyword("health", "doctor", WEAK),
          keyword("health", "triage", WEAK),
          // Annex III 3: education and vocational training
          keyword("education", "exam", STRONG),
          keyword("education", "grading", STRONG),
          keyword("education", "proctoring", STRONG),
          keyword("education", "student assessment", STRONG),
          keyword("education", "learning outcome", STRONG),
          keyword("education", "student", WEAK),
          keyword("education", "pupil", WEAK),
          keyword("education", "grade", WEAK),
          keyword("education", "school", WEAK),
          keyword("education", "education", WEAK),
          keyword("education", "admission", WEAK),
          keyword("education", "teacher", WEAK),
          // Annex III 5(c): risk assessment and pricing in life and health insurance
          keyword("insurance pricing", "underwriting", STRONG),
          keyword("insurance pricing", "actuarial", STRONG),
          keyword("insurance pricing", "policyholder", STRONG),
          keyword("insurance pricing", "insurance premium", STRONG),
          keyword("insurance pricing", "insurance pricing", STRONG),
          keyword("insurance pricing", "life insurance", STRONG),
          keyword("insurance pricing", "health insurance", STRONG),
          keyword("insurance pricing", "insurance", WEAK),
          keyword("insurance pricing", "insurer", WEAK),
          keyword("insurance pricing", "premium", WEAK),
          // Annex III 6: law enforcement
          keyword("law enforcement", "law enforcement", STRONG),
          keyword("law enforcement", "police", STRONG),
          keyword("law enforcement", "policing", STRONG),
          keyword("law enforcement", "recidivism", STRONG),
          keyword("law enforcement", "offender", STRONG),
          keyword("law enforcement", "criminal record", STRONG),
          keyword("law enforcement", "crime", WEAK),
          keyword("law enforcement", "criminal", WEAK),
          keyword("law enforcement", "suspect", WEAK),
          keyword("law enforcement", "forensic", WEAK),
          // Annex III 7: migration, asylum and border control
          keyword("migration", "immigration", STRONG),
          keyword("migration", "immigrant", STRONG),
          keyword("migration", "migrant", STRONG),
          keyword("migration", "asylum", STRONG),
          keyword("migration", "refugee", STRONG),
          keyword("migration", "border control", STRONG),
          keyword("migration", "visa application", STRONG),
          keyword("migration", "residence permit", STRONG),
          keyword("migration", "work permit", STRONG),
          keyword("migration", "visa", WEAK),
          // Annex III 1: biometrics
          keyword("biometrics", "biometric", STRONG),
          keyword("biometrics", "facial recognition", STRONG),
          keyword("biometrics", "face recognition", STRONG),
          keyword("biometrics", "emotion recognition", STRONG));

  private static final Lexicon PERSONAL_DATA_LEXICON = new Lexicon(PERSONAL_DATA);
  private static final Lexicon DOMAIN_LEXICON = new Lexicon(DOMAINS);

  /** The order domains are reported in when they weigh the same. */
  private static final List<String> DOMAIN_ORDER =
      DOMAINS.stream().map(Keyword::label).distinct().toList();

  /**
   * Suggests a risk level for these assets.
   *
   * @param assets the assets of one system
   * @param findings their findings; the files they name are read for personal data and decision
   *     domains
   * @param targetRootOrNull the directory the findings' files are relative to, or null when there
   *     are no files to read (cloud and SaaS targets)
   */
  public static RiskSuggestion suggest(
      List<Asset> assets, List<Finding> findings, Path targetRootOrNull) {
    List<Reason> reasons = new ArrayList<>();
    Set<String> providers =
        assets.stream().map(Asset::provider).collect(Collectors.toCollection(TreeSet::new));

    Map<String, FileWords> files = read(findings, targetRootOrNull);
    domainReasons(files, reasons);
    personalDataReason(files, reasons);

    List<String> hosted = providers.stream().filter(Providers.THIRD_PARTY_APIS::contains).toList();
    if (!hosted.isEmpty()) {
      reasons.add(
          new Reason(
              RiskLevel.LIMITED,
              2,
              0,
              "sends data to a third-party AI API (" + String.join(", ", hosted) + ")"));
    }
    List<String> generative = providers.stream().filter(Providers.GENERATIVE::contains).toList();
    if (!generative.isEmpty()) {
      reasons.add(
          new Reason(
              RiskLevel.MINIMAL, 3, 0, "generative AI (" + String.join(", ", generative) + ")"));
    }
    List<String> predictive = providers.stream().filter(Providers.PREDICTIVE::contains).toList();
    if (!predictive.isEmpty()) {
      reasons.add(
          new Reason(
              RiskLevel.MINIMAL, 4, 0, "predictive ML (" + String.join(", ", predictive) + ")"));
    }

    RiskLevel level =
        reasons.stream()
            .map(Reason::level)
            .max(Comparator.naturalOrder())
            .orElse(RiskLevel.MINIMAL);
    if (level == RiskLevel.MINIMAL) {
      reasons.add(
          new Reason(
              RiskLevel.MINIMAL,
              5,
              0,
              "no third-party AI API, personal data or high-risk decision domain found"));
    }
    reasons.sort(
        Comparator.comparing(Reason::level, Comparator.reverseOrder())
            .thenComparingInt(Reason::kind)
            .thenComparing(Reason::weight, Comparator.reverseOrder())
            .thenComparing(Reason::text));
    return new RiskSuggestion(level, reasons.stream().map(Reason::text).toList());
  }

  /**
   * One reason.
   *
   * @param level the level it argues for
   * @param kind 1 domain, 1 personal data, 2 third-party API, 3 generative, 4 predictive, 5 none
   * @param weight within a kind, heavier first
   * @param text the reason
   */
  private record Reason(RiskLevel level, int kind, int weight, String text) {}

  /** The words of one file: its path, then its text. */
  private record FileWords(List<String> words) {}

  private static Map<String, FileWords> read(List<Finding> findings, Path root) {
    Map<String, FileWords> files = new TreeMap<>();
    if (root == null || !Files.isDirectory(root)) {
      return files;
    }
    Path realRoot;
    try {
      realRoot = root.toRealPath();
    } catch (IOException | RuntimeException e) {
      return files;
    }
    Set<String> names =
        findings.stream()
            .map(f -> f.location().file())
            .filter(Objects::nonNull)
            .collect(Collectors.toCollection(TreeSet::new));
    for (String name : names) {
      String text = readText(realRoot, name);
      if (text != null) {
        List<String> words = new ArrayList<>(Words.of(name));
        words.add("");
        words.addAll(Words.of(text));
        files.put(name, new FileWords(words));
      }
    }
    return files;
  }

  /** The text of a file under root, at most {@link #MAX_BYTES}; null when missing or binary. */
  private static String readText(Path realRoot, String name) {
    try {
      Path file = realRoot.resolve(name).normalize();
      if (!file.startsWith(realRoot) || !Files.isRegularFile(file)) {
        return null;
      }
      Path real = file.toRealPath();
      if (!real.startsWith(realRoot) || !Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)) {
        return null;
      }
      byte[] bytes;
      try (InputStream in = Files.newInputStream(real)) {
        bytes = in.readNBytes(MAX_BYTES);
      }
      for (int i = 0; i < Math.min(bytes.length, 8000); i++) {
        if (bytes[i] == 0) {
          return null;
        }
      }
      return new String(bytes, StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static void domainReasons(Map<String, FileWords> files, List<Reason> reasons) {
    // domain -> file -> keywords found there
    Map<String, Map<String, Set<String>>> byDomain = new LinkedHashMap<>();
    Map<String, Integer> weights = new LinkedHashMap<>();
    for (Map.Entry<String, FileWords> file : files.entrySet()) {
      Map<String, Integer> scores = new LinkedHashMap<>();
      Map<String, Set<String>> labels = new LinkedHashMap<>();
      for (Keyword k : DOMAIN_LEXICON.find(file.getValue().words())) {
        String word = String.join(" ", k.words());
        if (labels.computeIfAbsent(k.label(), l -> new TreeSet<>()).add(word)) {
          scores.merge(k.label(), k.weight(), Integer::sum);
        }
      }
      for (Map.Entry<String, Integer> score : scores.entrySet()) {
        if (score.getValue() >= DOMAIN_THRESHOLD) {
          byDomain
              .computeIfAbsent(score.getKey(), d -> new TreeMap<>())
              .put(file.getKey(), labels.get(score.getKey()));
          weights.merge(score.getKey(), score.getValue(), Integer::sum);
        }
      }
    }
    for (String domain : DOMAIN_ORDER) {
      Map<String, Set<String>> inFiles = byDomain.get(domain);
      if (inFiles != null) {
        reasons.add(
            new Reason(
                RiskLevel.HIGH,
                1,
                weights.get(domain) * 100 + (DOMAIN_ORDER.size() - DOMAIN_ORDER.indexOf(domain)),
                "decision domain: " + domain + " (" + perFile(inFiles) + ")"));
      }
    }
  }

  private static void personalDataReason(Map<String, FileWords> files, List<Reason> reasons) {
    Map<String, Set<String>> inFiles = new TreeMap<>();
    for (Map.Entry<String, FileWords> file : files.entrySet()) {
      Set<String> labels = new TreeSet<>();
      for (Keyword k : PERSONAL_DATA_LEXICON.find(file.getValue().words())) {
        labels.add(k.label());
      }
      if (!labels.isEmpty()) {
        inFiles.put(file.getKey(), labels);
      }
    }
    if (!inFiles.isEmpty()) {
      reasons.add(
          new Reason(
              RiskLevel.LIMITED, 1, 0, "personal data indicators (" + perFile(inFiles) + ")"));
    }
  }

  /** {@code candidate, resume in jobs/screen.py; recruiter in jobs/rank.py; and 2 more files}. */
  private static String perFile(Map<String, Set<String>> inFiles) {
    // files with the most words first, then by name
    List<Map.Entry<String, Set<String>>> sorted = new ArrayList<>(inFiles.entrySet());
    sorted.sort(
        Comparator.comparing((Map.Entry<String, Set<String>> e) -> e.getValue().size())
            .reversed()
            .thenComparing(Map.Entry::getKey));
    List<String> parts = new ArrayList<>();
    for (Map.Entry<String, Set<String>> e :
        sorted.subList(0, Math.min(MAX_FILES_NAMED, sorted.size()))) {
      parts.add(String.join(", ", e.getValue()) + " in " + e.getKey());
    }
    int more = sorted.size() - MAX_FILES_NAMED;
    if (more > 0) {
      parts.add("and " + more + (more == 1 ? " more file" : " more files"));
    }
    return String.join("; ", parts);
  }
}

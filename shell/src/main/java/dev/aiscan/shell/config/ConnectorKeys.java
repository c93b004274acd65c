package dev.aiscan.shell.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The keys of each service under {@code targets:} and of {@code source:}, their types, and the
 * connector setting each one sets: exactly the {@code connectors.<id>.*} keys the connectors' own
 * settings records read ({@code AwsSettings}, {@code AzureSettings}, ...). A key the connectors do
 * not read has no place here, so a misspelt one is an error rather than silently ignored.
 */
final class ConnectorKeys {
  private ConnectorKeys() {}

  enum Type {
    /** one value, matched against {@link Key#pattern} when there is one */
    TEXT,
    /** a list of names, joined with commas; one value may hold several, comma separated */
    NAMES,
    /** a list of globs, joined with commas (so a glob may not hold one) */
    GLOBS,
    BOOL,
    /** a whole number from {@link Key#min} to {@link Key#max} */
    INT,
    /** {@code 512k}, {@code 5m}, {@code 1g} or bytes */
    SIZE,
    /** a positive number of seconds, decimals allowed */
    SECONDS,
    /** {@code 30s}, {@code 500ms} or seconds */
    DURATION,
    /** an http or https URL */
    URL,
    /** an https URL with no path: bearer tokens only travel over TLS */
    HTTPS_HOST,
    /** a secret from {@code ${VARIABLE}} or from the file {@code <name>-file} names */
    SECRET,
    /** a secret from {@code ${VARIABLE}} only */
    SECRET_ENV,
    /** a path, resolved against the file's directory */
    PATH,
    /** a path to an existing file */
    FILE
  }

  /**
   * @param name the key in {@code aiscan.yaml}
   * @param setting the connector setting it sets
   * @param pattern what each value must match, or null
   * @param noun what a value is, for messages ("AWS region names")
   */
  record Key(
      String name, String setting, Type type, int min, int max, Pattern pattern, String noun) {}

  private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d");
  private static final Pattern ROLE_ARN =
      Pattern.compile("arn:aws[a-z-]*:iam::\\d{12}:role/[\\w+=,.@/-]+");
  private static final Pattern ROLE_NAME = Pattern.compile("[\\w+=,.@-]{1,64}");
  private static final Pattern GUID =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  private static final Pattern TENANT =
      Pattern.compile(GUID.pattern() + "|[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");
  private static final Pattern CUSTOMER = Pattern.compile("[A-Za-z0-9_]{1,64}");
  private static final Pattern GITHUB_LOGIN = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})");

  /** The environment variable each service's secret comes from when the file names none. */
  static final Map<String, String> DEFAULT_SECRET_VARIABLES = ScanSpec.SECRET_VARIABLES;

  /** Keys a service cannot do without. */
  static final Map<String, List<String>> REQUIRED = Map.of("github", List.of("org"));

  /** The keys of each service, in {@link ScanSpec#SERVICES} order. */
  static final Map<String, List<Key>> SERVICES = services();

  /** The keys of {@code source:}. */
  static final List<Key> SOURCE =
      List.of(
          new Key("include", "connectors.source.include", Type.GLOBS, 0, 0, null, "globs"),
          new Key("exclude", "connectors.source.exclude", Type.GLOBS, 0, 0, null, "globs"),
          new Key("max-file-size", "connectors.source.max-file-size", Type.SIZE, 0, 0, null, ""),
          new Key("file-timeout", "connectors.source.file-timeout", Type.DURATION, 0, 0, null, ""),
          new Key("gitignore", "connectors.source.gitignore", Type.BOOL, 0, 0, null, ""),
          new Key("offline", "connectors.dependencies.offline", Type.BOOL, 0, 0, null, ""),
          new Key(
              "maven-settings",
              "connectors.dependencies.maven-settings",
              Type.FILE,
              0,
              0,
              null,
              ""),
          new Key(
              "maven-local-repository",
              "connectors.dependencies.maven-local-repository",
              Type.PATH,
              0,
              0,
              null,
              ""));

  /** The names a section accepts: its keys, and {@code token-file} beside a {@code token}. */
  static List<String> names(List<Key> keys) {
    List<String> names = new ArrayList<>();
    for (Key k : keys) {
      names.add(k.name());
      if (k.type() == Type.SECRET) {
        names.add(k.name() + "-file");
      }
    }
    return names;
  }

  private static Map<String, List<Key>> services() {
    Map<String, List<Key>> s = new LinkedHashMap<>();
    s.put(
        "aws",
        List.of(
            text("aws", "profile", null, "a profile name"),
            new Key(
                "role-arn",
                "connectors.aws.role-arn",
                Type.NAMES,
                0,
                0,
                ROLE_ARN,
                "IAM role ARNs (arn:aws:iam::ACCOUNT:role/NAME), one account each"),
            text("aws", "org-role", ROLE_NAME, "an IAM role name"),
            new Key(
                "regions", "connectors.aws.regions", Type.NAMES, 0, 0, REGION, "AWS region names"),
            key("aws", "endpoint-url", Type.URL),
            number("aws", "cloudtrail-days", 1, 90),
            number("aws", "cloudtrail-max-events", 1, Integer.MAX_VALUE),
            number("aws", "cloudtrail-calls-per-second", 1, 1000),
            number("aws", "concurrency", 1, 256),
            number("aws", "timeout-seconds", 1, 3600),
            number("aws", "max-attempts", 1, 20),
            key("aws", "layer-max-size", Type.SIZE)));
    s.put(
        "azure",
        List.of(
            text("azure", "tenant", TENANT, "a tenant id (a GUID) or domain"),
            new Key(
                "subscriptions",
                "connectors.azure.subscriptions",
                Type.NAMES,
                0,
                0,
                GUID,
                "subscription ids (GUIDs)"),
            key("azure", "resource-graph", Type.BOOL),
            key("azure", "endpoint", Type.HTTPS_HOST),
            key("azure", "access-token", Type.SECRET_ENV),
            number("azure", "concurrency", 1, 256),
            number("azure", "timeout-seconds", 1, 3600),
            number("azure", "max-retries", 0, 20)));
    s.put(
        "github",
        List.of(
            text("github", "org", GITHUB_LOGIN, "an organisation login"),
            key("github", "token", Type.SECRET),
            key("github", "clone-repos", Type.BOOL),
            key("github", "base-url", Type.URL),
            key("github", "timeout", Type.SECONDS),
            number("github", "max-retries", 0, 10)));
    s.put(
        "slack",
        List.of(
            key("slack", "token", Type.SECRET),
            key("slack", "base-url", Type.URL),
            key("slack", "timeout", Type.SECONDS),
            number("slack", "max-retries", 0, 10)));
    s.put(
        "google-workspace",
        List.of(
            key("google-workspace", "token", Type.SECRET),
            text("google-workspace", "customer", CUSTOMER, "a customer id (C0...) or my_customer"),
            key("google-workspace", "base-url", Type.URL),
            number("google-workspace", "timeout-seconds", 1, 3600),
            number("google-workspace", "max-retries", 0, 10)));
    s.put(
        "m365",
        List.of(
            key("m365", "token", Type.SECRET),
            key("m365", "base-url", Type.URL),
            key("m365", "timeout", Type.DURATION),
            number("m365", "retries", 0, 20)));
    for (String ai : List.of("openai", "anthropic")) {
      s.put(
          ai,
          List.of(
              key(ai, "token", Type.SECRET),
              text(ai, "organization", null, "an organisation id"),
              key(ai, "base-url", Type.URL),
              key(ai, "timeout", Type.SECONDS),
              number(ai, "max-retries", 0, 10)));
    }
    return Map.copyOf(s);
  }

  private static Key key(String service, String name, Type type) {
    return new Key(name, setting(service, name), type, 0, 0, null, "");
  }

  private static Key text(String service, String name, Pattern pattern, String noun) {
    return new Key(name, setting(service, name), Type.TEXT, 0, 0, pattern, noun);
  }

  private static Key number(String service, String name, int min, int max) {
    return new Key(name, setting(service, name), Type.INT, min, max, null, "");
  }

  private static String setting(String service, String name) {
    return "connectors." + service + "." + name;
  }
}

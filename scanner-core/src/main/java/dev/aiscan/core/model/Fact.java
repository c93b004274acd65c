package dev.aiscan.core.model;

import java.util.Map;
import java.util.Objects;

/**
 * One observation a connector made, before any judgement about AI. Facts are streamed to the
 * detector as they are found and never stored by the engine, so a scan's memory does not grow with
 * the size of the tree; only package facts leave a trace, their edge of the dependency tree ({@link
 * PackageDependency}).
 *
 * <p>A fact's value may be sensitive (a string literal can be an API key): it must never be logged
 * or written out; only findings, with redacted evidence, leave the engine.
 *
 * @param type what was observed
 * @param value the observed text (module path, literal, key, image, ...)
 * @param target the target it was observed in
 * @param location where, inside the target
 * @param attributes type-specific detail, see {@link Attr}
 */
public record Fact(
    FactType type, String value, Target target, Location location, Map<String, String> attributes) {

  public Fact {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(location, "location");
    attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
  }

  public String attribute(String key) {
    return attributes.get(key);
  }

  /** Does not print the value, which may be a secret. */
  @Override
  public String toString() {
    return type.wireName() + "@" + location;
  }

  /** Well-known attribute keys. */
  public static final class Attr {
    /** Source language: java, python, javascript, typescript, go, csharp, ... */
    public static final String LANGUAGE = "language";

    /** Package ecosystem: maven, npm, pypi, go, nuget, ... */
    public static final String ECOSYSTEM = "ecosystem";

    /** For calls: the receiver type or the root of the call chain, resolved through imports. */
    public static final String RECEIVER = "receiver";

    /**
     * For literals: the call chain the literal is an argument of, e.g. {@code X.builder().model}.
     */
    public static final String CONTEXT = "context";

    /** For literals: the configuration key or variable the value is assigned to. */
    public static final String KEY = "key";

    /** For model files: the size in bytes. */
    public static final String SIZE = "size";

    /**
     * For packages: "true" when the project's manifest declares it, "false" when it comes
     * transitively.
     */
    public static final String DIRECT = "direct";

    /** For packages: the path from the project to the package, steps joined by {@code " -> "}. */
    public static final String PATH = "path";

    /** For packages: the dependency scope (compile, runtime, test, dev, optional, ...). */
    public static final String SCOPE = "scope";

    /** For packages: the project or module that depends on it. */
    public static final String PROJECT = "project";

    /** For packages: the version, when known. */
    public static final String VERSION = "version";

    /** For imports: "static" or "wildcard" flags, comma separated. */
    public static final String FLAGS = "flags";

    /**
     * For cloud resources: the resource's kind, e.g. {@code OpenAI} for an Azure Cognitive Services
     * account.
     */
    public static final String KIND = "kind";

    /** For SaaS apps: the app's web domain, e.g. {@code otter.ai}. */
    public static final String DOMAIN = "domain";

    /** For SaaS apps: the OAuth client (application) id. */
    public static final String CLIENT_ID = "client-id";

    /** For files: the file name, e.g. {@code CLAUDE.md}. */
    public static final String NAME = "name";

    /** The source that produced the fact, e.g. {@code docker-compose}, {@code terraform}. */
    public static final String ORIGIN = "origin";

    /** For cloud facts: the region, e.g. {@code us-east-1}. */
    public static final String REGION = "region";

    /** For cloud facts: the account or subscription id. */
    public static final String ACCOUNT = "account";

    /**
     * For cloud resources and usage events: the model the resource serves or the call used, as the
     * provider names it ({@code anthropic.claude-3-5-sonnet-20240620-v1:0}).
     */
    public static final String MODEL = "model";

    /**
     * For facts located at a cloud resource that are not {@code cloud-resource} facts (an
     * environment variable of a Lambda function, a task definition's image): the resource's type.
     */
    public static final String RESOURCE_TYPE = "resource-type";

    /** For usage events: who made the calls (an IAM role or user ARN, a user). */
    public static final String PRINCIPAL = "principal";

    /** For usage events: how many calls the fact stands for. */
    public static final String COUNT = "count";

    /** For usage events: where the calls came from (source addresses), comma separated. */
    public static final String FROM = "from";

    /** For usage events: the first and last time seen, ISO-8601 instants. */
    public static final String FIRST_SEEN = "first-seen";

    public static final String LAST_SEEN = "last-seen";

    /** For settings: {@code on} or {@code off}. */
    public static final String STATE = "state";

    /**
     * Prefix of a resource tag: attribute {@code tag:owner} is the value of the resource's tag
     * {@code owner}.
     */
    public static final String TAG_PREFIX = "tag:";

    private Attr() {}
  }
}

package dev.aiscan.core.register;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One AI system in the organisation's AI register (ISO/IEC 42001 A.4, A.6, A.10): what it is, who
 * owns it, how risky it is, and which discovered assets it covers.
 *
 * @param id stable id, unique in the register ({@code support-reply-assistant})
 * @param name human name
 * @param purpose what the system is for
 * @param owner accountable person or team
 * @param businessUnit the business unit it serves
 * @param lifecycle concept, development, deployment, operation or retired; null when not given
 * @param riskLevel minimal, limited, high or unacceptable; null when not assessed
 * @param impactOnIndividuals how the system affects people, free text
 * @param personalData whether it processes personal data, and which categories
 * @param humanOversight how people oversee it, free text
 * @param supplier the third party that provides it, or null for in-house
 * @param models the models it is registered to use (name patterns, {@code *} as wildcard)
 * @param dataSources the data it uses
 * @param reviewDate when the entry is next reviewed
 * @param selectors which discovered assets it covers
 * @param origin where the entry is written, for messages
 */
public record RegisterEntry(
    String id,
    String name,
    String purpose,
    String owner,
    String businessUnit,
    Lifecycle lifecycle,
    RiskLevel riskLevel,
    String impactOnIndividuals,
    PersonalData personalData,
    String humanOversight,
    String supplier,
    List<String> models,
    List<String> dataSources,
    LocalDate reviewDate,
    Selectors selectors,
    Origin origin) {

  public RegisterEntry {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(selectors, "selectors");
    models = models == null ? List.of() : List.copyOf(models);
    dataSources = dataSources == null ? List.of() : List.copyOf(dataSources);
    personalData = personalData == null ? PersonalData.UNKNOWN : personalData;
    origin = origin == null ? Origin.NONE : origin;
  }

  /** Life-cycle stages of ISO/IEC 42001 A.6. */
  public enum Lifecycle {
    CONCEPT,
    DEVELOPMENT,
    DEPLOYMENT,
    OPERATION,
    RETIRED;

    public String wireName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** Risk levels, in the EU AI Act's terms. */
  public enum RiskLevel {
    MINIMAL,
    LIMITED,
    HIGH,
    UNACCEPTABLE;

    public String wireName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * Whether a system processes personal data.
   *
   * @param processed true, false, or null when not known
   * @param categories the categories processed (contact details, health, financial, ...)
   */
  public record PersonalData(Boolean processed, List<String> categories) {
    public static final PersonalData UNKNOWN = new PersonalData(null, List.of());

    public PersonalData {
      categories = categories == null ? List.of() : List.copyOf(categories);
    }
  }

  /**
   * Where something is written.
   *
   * @param file the register file
   * @param line 1-based line, or 0 when unknown
   */
  public record Origin(String file, int line) {
    public static final Origin NONE = new Origin(null, 0);

    /** Reads back what {@link #toString()} wrote: {@code file:line}, {@code file}, or null. */
    public static Origin parse(String text) {
      if (text == null || text.equals(NONE.toString())) {
        return NONE;
      }
      int colon = text.lastIndexOf(':');
      if (colon > 0 && text.substring(colon + 1).matches("\\d+")) {
        return new Origin(text.substring(0, colon), Integer.parseInt(text.substring(colon + 1)));
      }
      return new Origin(text, 0);
    }

    @Override
    public String toString() {
      return file == null ? "(no file)" : line > 0 ? file + ":" + line : file;
    }
  }
}

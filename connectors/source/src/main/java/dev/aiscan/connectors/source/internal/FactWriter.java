package dev.aiscan.connectors.source.internal;

import dev.aiscan.core.model.Fact;
import dev.aiscan.core.model.FactType;
import dev.aiscan.core.model.Location;
import dev.aiscan.core.model.Target;
import dev.aiscan.core.spi.CollectContext;
import java.util.HashMap;
import java.util.Map;

/**
 * Emits the facts of one file: fills in target, file and language so that extractors only say what
 * they saw and on which line.
 */
public final class FactWriter {
  /** Literals longer than this are cut: no rule needs more, and facts stay small. */
  public static final int MAX_VALUE = 4096;

  private final CollectContext context;
  private final Target target;
  private final SourceFile file;
  private final String language;
  private final String warningSource;
  private int count;

  public FactWriter(
      CollectContext context,
      Target target,
      SourceFile file,
      String language,
      String warningSource) {
    this.context = context;
    this.target = target;
    this.file = file;
    this.language = language;
    this.warningSource = warningSource;
  }

  /** A writer for the same file that tags facts with another language (e.g. notebook cells). */
  public FactWriter withLanguage(String otherLanguage) {
    return new FactWriter(context, target, file, otherLanguage, warningSource);
  }

  public void emit(FactType type, String value, int line) {
    emit(type, value, Location.file(file.relative(), line), Map.of());
  }

  public void emit(FactType type, String value, int line, Map<String, String> attributes) {
    emit(type, value, Location.file(file.relative(), line), attributes);
  }

  /** Emits at an explicit location (a notebook cell, or a whole file with a null line). */
  public void emit(FactType type, String value, Location location, Map<String, String> attributes) {
    if (value == null || value.isEmpty()) {
      return;
    }
    String v = value.length() > MAX_VALUE ? value.substring(0, MAX_VALUE) : value;
    Map<String, String> attrs = attributes;
    if (language != null && !attributes.containsKey(Fact.Attr.LANGUAGE)) {
      attrs = new HashMap<>(attributes);
      attrs.put(Fact.Attr.LANGUAGE, language);
    }
    count++;
    context.emit(new Fact(type, v, target, location, attrs));
  }

  /** A location in this file. */
  public Location at(int line) {
    return Location.file(file.relative(), line);
  }

  /** Reports a recoverable problem with this file; {@code line} may be null. */
  public void warn(Integer line, String message) {
    context.warn(line == null ? warningSource : warningSource + ":" + line, message);
  }

  public SourceFile file() {
    return file;
  }

  public String language() {
    return language;
  }

  public int count() {
    return count;
  }
}

package dev.aiscan.connectors.source.internal;

/**
 * Extracts facts from one kind of file. Implementations are stateless and thread-safe (per-thread
 * parsers live in {@code ThreadLocal}s), so one instance serves every worker.
 *
 * <p>An extractor throws {@link dev.aiscan.core.ScanException} (or lets a parser's runtime
 * exception escape) when the file cannot be read at all; the engine turns that into a warning
 * naming the file. When only part of a file is unreadable, it emits what it could and calls {@link
 * FactWriter#warn}.
 */
public interface Extractor {

  /** Language or format tag put on the facts, e.g. {@code java}, {@code yaml}. */
  String language();

  /** Whether this extractor reads the file, decided from its name alone. */
  boolean accepts(SourceFile file);

  /**
   * Whether the file is read whole as text (subject to the size limit). Model-file extraction reads
   * only a header and returns false.
   */
  default boolean readsWholeFile() {
    return true;
  }

  void extract(SourceFile file, FactWriter out);
}

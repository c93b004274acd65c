package dev.aiscan.reports.internal;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.IOException;
import java.io.OutputStream;

/** Pretty-printed UTF-8 JSON with {@code \n} line ends on every platform. */
public final class Json {
  private static final JsonFactory FACTORY = new JsonFactory();

  private Json() {}

  public static JsonGenerator generator(OutputStream out) throws IOException {
    JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8);
    DefaultIndenter lf = new DefaultIndenter("  ", "\n");
    g.setPrettyPrinter(new DefaultPrettyPrinter().withObjectIndenter(lf).withArrayIndenter(lf));
    return g;
  }
}

package dev.aiscan.shell;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.sun.net.httpserver.HttpServer;
import dev.aiscan.connectors.dependencies.DependencyConnector;
import dev.aiscan.connectors.source.SourceConnector;
import dev.aiscan.core.ScanEngine;
import dev.aiscan.core.ScanRequest;
import dev.aiscan.core.ScanResult;
import dev.aiscan.core.model.Finding;
import dev.aiscan.core.model.Warning;
import dev.aiscan.core.spi.ScanListener;
import dev.aiscan.core.spi.Settings;
import dev.aiscan.rules.RuleEngine;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hostile source tree — malformed and truncated files of every format, deep nesting, a YAML alias
 * bomb, a sparse 2 GiB file, NUL bytes, bad encodings, link loops and links leading out of the
 * tree, file names with newlines and shell metacharacters, unreadable entries, a ZIP bomb named
 * like a model, XML with external entities aimed at a local file and at an HTTP listener — scanned
 * once by the real engine, source and dependency connectors and the bundled rules, offline.
 *
 * <p>The scan must finish quickly, still find the honest AI file, turn each hostile file into a
 * warning naming it (or skip it as documented), read nothing outside the tree and make no request.
 */
class HostileTreeTest {
  private static final String MARKER = "XXE-MARKER-7f3a9c";
  private static final String HTTP_MARKER = "HTTP-MARKER-51d2";
  private static final String OUTSIDE_KEY = "sk-ant-api03-OUTSIDEoutsideOUTSIDEoutside0123456789";
  private static final String NAMES = "names/";
  private static final long HUGE = 2L << 30;

  @TempDir static Path base;
  static Path tree;
  static Path outside;
  static HttpServer server;
  static final AtomicInteger requests = new AtomicInteger();
  static ScanResult result;
  static long scanMillis;

  @BeforeAll
  static void scanAHostileTree() throws Exception {
    outside = Files.createDirectories(base.resolve("outside"));
    tree = Files.createDirectories(base.resolve("tree"));
    Files.writeString(
        outside.resolve("escaped-9d1e.py"),
        "import anthropic\nKEY = '" + OUTSIDE_KEY + "'\nclient = anthropic.Anthropic()\n");
    Path marker = outside.resolve("marker.txt");
    Files.writeString(marker, MARKER);

    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          requests.incrementAndGet();
          byte[] body = ("<!ENTITY ent '" + HTTP_MARKER + "'>").getBytes(UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
    String url = "http://127.0.0.1:" + server.getAddress().getPort();

    // the honest AI file the scan must still find
    write("src/app.py", "import openai\nclient = openai.OpenAI()\n");

    // malformed and truncated files of each format (each names AI, so the prefilter lets it in)
    write(
        "malformed/Broken.java", "import com.openai.client.OpenAIClient;\nclass B { void f( { \"");
    write("malformed/broken.py", "import openai\ndef f(:\n  x = \"\"\"unterminated");
    write("malformed/broken.ts", "import OpenAI from \"openai\";\nfunction ( { `unterminated ${");
    write(
        "malformed/broken.ipynb",
        "{\"cells\": [{\"cell_type\": \"code\", \"source\": [\"import openai");
    write("malformed/maven/pom.xml", "<project><dependencies><dependency><groupId>com.openai");
    write(
        "malformed/npm/package.json",
        "{\"name\": \"x\", \"dependencies\": {\"openai\": \"4.0.0\"}}");
    write(
        "malformed/npm/package-lock.json",
        "{\"name\": \"x\", \"lockfileVersion\": 3, \"packages\": {\"node_modules/openai\": {\"v");
    write(
        "malformed/py/pyproject.toml", "[project]\nname = \"x\"\ndependencies = [\"openai\"\n[[[");
    write(
        "malformed/go/go.mod", "module x\n\nrequire (\n  github.com/sashabaranov/go-openai v1.0.0");
    write("malformed/dotnet/App.csproj", "<Project><ItemGroup><PackageReference Include=\"OpenAI");
    write("malformed/config.yml", "openai:\n  api_key: [unclosed\n  - : :\n\t bad");
    write("malformed/settings.json", "{\"openai\": {\"model\": \"gpt-4o\", ");
    write("malformed/config.toml", "[openai\nmodel = \"gpt-4o");
    write("malformed/.env", "OPENAI_API_KEY=\"unterminated\nOPENAI_MODEL='gpt-4o");
    write("malformed/app.properties", "spring.ai.openai.model=\\u12");

    // deep nesting
    write("deep/deep.json", "{\"openai\": " + "[".repeat(100_000));
    write(
        "deep/Deep.java",
        "import com.openai.client.OpenAIClient;\nclass D { Object o = " + "(".repeat(100_000));
    write("deep/deep.py", "import openai\nx = " + "[".repeat(100_000));
    write("deep/deep.ts", "import OpenAI from \"openai\";\nconst x = " + "[".repeat(100_000));

    // a billion-laughs alias bomb
    StringBuilder bomb = new StringBuilder("openai: x\na: &a [\"lol\"");
    bomb.append(",\"lol\"".repeat(8)).append("]\n");
    for (char c = 'b'; c <= 'j'; c++) {
      bomb.append(c).append(": &").append(c).append(" [*").append((char) (c - 1));
      bomb.append((",*" + (char) (c - 1)).repeat(8)).append("]\n");
    }
    write("bomb/config.yml", bomb.toString());

    // sparse files far over every size limit, source and manifests alike
    sparse(write("huge/huge.py", "import openai\n"));
    sparse(write("huge/go.mod", "module x\nrequire github.com/sashabaranov/go-openai v1.0.0\n"));
    sparse(write("huge/pyproject.toml", "[project]\nname = \"x\"\ndependencies = [\"openai\"]\n"));

    // NUL bytes, invalid UTF-8, UTF-16 with a byte order mark
    Files.write(tree.resolve("src/nul.py"), "import openai\n\0\0\0x = 1\n".getBytes(UTF_8));
    Files.write(
        tree.resolve("src/invalid.ts"),
        concat(
            "import OpenAI from \"openai\";\nconst s = \"".getBytes(UTF_8),
            new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, '"', '\n'}));
    Files.write(
        tree.resolve("src/utf16.ts"),
        concat(
            new byte[] {(byte) 0xFF, (byte) 0xFE},
            "import OpenAI from \"openai\";\n".getBytes(StandardCharsets.UTF_16LE)));
    Files.write(
        tree.resolve("src/bad-utf16.py"),
        concat(
            new byte[] {(byte) 0xFE, (byte) 0xFF},
            "import openai\n".getBytes(StandardCharsets.UTF_16BE),
            new byte[] {(byte) 0xDC, 0x00, (byte) 0xD8})); // a lone low surrogate, half a unit

    // a FIFO and a link to it, named as source: opening either would wait for a writer forever
    Path fifo = tree.resolve("src/pipe.py");
    assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
    Files.createSymbolicLink(tree.resolve("src/pipe-link.py"), fifo);

    // links: a loop, a link to its own parent, links leading outside (file, directory, relative)
    Path links = Files.createDirectories(tree.resolve("links"));
    Files.createSymbolicLink(links.resolve("a"), links.resolve("b"));
    Files.createSymbolicLink(links.resolve("b"), links.resolve("a"));
    Files.createSymbolicLink(links.resolve("parent"), links);
    Files.createSymbolicLink(links.resolve("outside-file.py"), outside.resolve("escaped-9d1e.py"));
    Files.createSymbolicLink(links.resolve("outside-dir"), outside);
    Files.createSymbolicLink(links.resolve("outside-rel"), Path.of("../../outside"));

    // file names with a newline and shell metacharacters, read fine or warned of
    for (String name : hostileNames()) {
      write(NAMES + name + ".py", "import openai\n");
      write(NAMES + name + ".yml", "openai: [unclosed\n");
    }

    // unreadable file and directory (root ignores the permissions: see unreadableEntriesAreWarned)
    Path locked = write("locked/secret.py", "import openai\n");
    Path lockedDir = Files.createDirectories(tree.resolve("locked-dir"));
    write("locked-dir/inner.py", "import openai\n");
    Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
    Files.setPosixFilePermissions(lockedDir, PosixFilePermissions.fromString("---------"));

    // ZIP bombs named like models: 1 GiB of zeros, deflated to about a megabyte
    Path bombZip = zipBomb(tree.resolve("models/model.pt"), "archive/data.pkl");
    Files.copy(bombZip, tree.resolve("models/model.safetensors"));
    Files.copy(bombZip, tree.resolve("models/model.onnx"));

    // XML with external entities and DTDs: a local file outside the tree, an HTTP listener
    write(
        "xxe/file/pom.xml",
        "<?xml version=\"1.0\"?>\n<!DOCTYPE project [<!ENTITY xxe SYSTEM \""
            + marker.toUri()
            + "\">]>\n<project><modelVersion>4.0.0</modelVersion><groupId>&xxe;</groupId>"
            + "<artifactId>a</artifactId><version>1</version></project>\n");
    write(
        "xxe/http/pom.xml",
        "<?xml version=\"1.0\"?>\n<!DOCTYPE project SYSTEM \""
            + url
            + "/pom.dtd\">\n<project><modelVersion>4.0.0</modelVersion><groupId>&ent;</groupId>"
            + "<artifactId>b</artifactId><version>1</version></project>\n");
    write(
        "xxe/file/App.csproj",
        "<?xml version=\"1.0\"?>\n<!DOCTYPE Project [<!ENTITY xxe SYSTEM \""
            + marker.toUri()
            + "\">]>\n<Project><ItemGroup><PackageReference Include=\"OpenAI\" Version=\"&xxe;\" />"
            + "</ItemGroup></Project>\n");
    write(
        "xxe/http/App.csproj",
        "<?xml version=\"1.0\"?>\n<!DOCTYPE Project [<!ENTITY % ext SYSTEM \""
            + url
            + "/x.dtd\"> %ext;]>\n<Project><ItemGroup><PackageReference Include=\"OpenAI\""
            + " Version=\"&ent;\" /></ItemGroup></Project>\n");

    Settings settings =
        Settings.of(
            Map.of(
                "connectors.dependencies.offline", "true",
                "connectors.dependencies.maven-local-repository",
                    Files.createDirectories(base.resolve("m2")).toString(),
                "connectors.dependencies.user-home",
                    Files.createDirectories(base.resolve("home")).toString()));
    ScanEngine engine =
        new ScanEngine(
            List.of(new SourceConnector(), new DependencyConnector()),
            RuleEngine.loadDefault(),
            "test");
    long started = System.nanoTime();
    result =
        assertTimeoutPreemptively(
            Duration.ofSeconds(60),
            () ->
                engine.scan(
                    ScanRequest.of(List.of(SourceConnector.target(tree)), settings),
                    new ScanListener() {}));
    scanMillis = (System.nanoTime() - started) / 1_000_000;
  }

  @AfterAll
  static void cleanUp() throws IOException {
    if (server != null) {
      server.stop(0);
    }
    // let @TempDir delete what the test locked
    Files.setPosixFilePermissions(
        tree.resolve("locked/secret.py"), PosixFilePermissions.fromString("rw-------"));
    Files.setPosixFilePermissions(
        tree.resolve("locked-dir"), PosixFilePermissions.fromString("rwx------"));
  }

  @Test
  void theScanCompletesQuicklyAndStillFindsTheHonestAiFile() {
    // Reading any of the 2 GiB files, or inflating a ZIP bomb, would take far longer than this.
    assertThat(scanMillis).as("scan time in ms").isLessThan(30_000);
    assertThat(result.incompleteTargets()).isEmpty();
    assertThat(findingsIn("src/app.py")).extracting(Finding::provider).contains("openai");
  }

  @Test
  void malformedFilesAreWarnedOfByName() {
    for (String file :
        List.of(
            "malformed/Broken.java",
            "malformed/broken.ipynb",
            "malformed/maven/pom.xml",
            "malformed/npm/package-lock.json",
            "malformed/py/pyproject.toml",
            "malformed/dotnet/App.csproj",
            "malformed/config.yml",
            "malformed/settings.json",
            "malformed/.env",
            "malformed/app.properties",
            "deep/Deep.java",
            "deep/deep.json")) {
      assertThat(warningsOn(file)).as("warnings on %s", file).isNotEmpty();
    }
    assertThat(warningsOn("deep/deep.json")).anyMatch(m -> m.contains("nesting depth"));
    assertThat(warningsOn("deep/Deep.java")).anyMatch(m -> m.contains("nesting too deep"));
    // what could be read before the fault is still scanned
    for (String file :
        List.of(
            "malformed/Broken.java",
            "malformed/broken.py",
            "malformed/broken.ts",
            "malformed/go/go.mod",
            "malformed/settings.json",
            "malformed/npm/package.json",
            "deep/Deep.java",
            "deep/deep.py",
            "deep/deep.ts")) {
      assertThat(findingsIn(file)).as("findings in %s", file).isNotEmpty();
    }
    // no extractor reads a .toml of configuration: it is skipped silently and unread
    assertThat(warningsOn("malformed/config.toml")).isEmpty();
    assertThat(findingsIn("malformed/config.toml")).isEmpty();
  }

  @Test
  void theAliasBombIsRefused() {
    assertThat(warningsOn("bomb/config.yml")).anyMatch(m -> m.contains("aliases"));
  }

  @Test
  void filesOverTheSizeLimitAreSkippedUnread() {
    for (String file : List.of("huge/huge.py", "huge/go.mod", "huge/pyproject.toml")) {
      assertThat(warningsOn(file))
          .as("warnings on %s", file)
          .anyMatch(m -> m.contains(HUGE + " bytes is over the size limit"));
      assertThat(findingsIn(file)).as("findings in %s", file).isEmpty();
    }
  }

  @Test
  void nulBytesAndBadEncodingsAreWarnedOf() {
    assertThat(warningsOn("src/nul.py")).anyMatch(m -> m.contains("NUL byte"));
    assertThat(findingsIn("src/nul.py")).isEmpty();
    // invalid UTF-8 is still scanned, with the bad bytes replaced
    assertThat(warningsOn("src/invalid.ts")).anyMatch(m -> m.contains("invalid UTF-8"));
    assertThat(findingsIn("src/invalid.ts")).isNotEmpty();
    // UTF-16 with its byte order mark is read as the text it holds; broken UTF-16 is read too,
    // with the bad units replaced and one warning
    assertThat(warningsOn("src/utf16.ts")).isEmpty();
    assertThat(findingsIn("src/utf16.ts")).isNotEmpty();
    assertThat(warningsOn("src/bad-utf16.py"))
        .containsExactly("invalid UTF-16BE; scanned with the bad bytes replaced");
    assertThat(findingsIn("src/bad-utf16.py")).isNotEmpty();
  }

  @Test
  void fifosAreNeverOpenedAndAreWarnedOf() {
    // the walk yields regular files only: a FIFO, link or not, is named once and never opened
    for (String pipe : List.of("src/pipe.py", "src/pipe-link.py")) {
      assertThat(warningsOn(pipe))
          .as(pipe)
          .containsExactly("not a regular file (a FIFO, socket or device); not read");
      assertThat(findingsIn(pipe)).as(pipe).isEmpty();
    }
  }

  @Test
  void linksAreNeverFollowedOutOfTheTreeNorRoundALoop() {
    assertThat(warningsOn("links/a")).anyMatch(m -> m.contains("loop"));
    assertThat(warningsOn("links/b")).anyMatch(m -> m.contains("loop"));
    assertThat(warningsOn("links/parent")).anyMatch(m -> m.contains("loop"));
    for (String link : List.of("links/outside-file.py", "links/outside-dir", "links/outside-rel")) {
      assertThat(warningsOn(link)).as(link).anyMatch(m -> m.contains("outside the target"));
    }
    assertThat(result.findings()).noneMatch(f -> f.provider().equals("anthropic"));
    for (Finding f : result.findings()) {
      String file = f.location().file();
      assertThat(file).as("finding location").doesNotStartWith("/").doesNotContain("..");
      assertThat(tree.resolve(file).normalize()).startsWith(tree);
      assertThat(f.evidence()).doesNotContain("OUTSIDE").doesNotContain("anthropic");
    }
    assertThat(everyText())
        .noneMatch(s -> s.contains("OUTSIDEoutside") || s.contains("escaped-9d1e"));
  }

  @Test
  void xmlEntitiesAndDtdsAreNeverFetched() {
    assertThat(requests.get()).as("requests to the HTTP listener").isZero();
    assertThat(everyText()).noneMatch(s -> s.contains(MARKER) || s.contains(HTTP_MARKER));
    for (String file :
        List.of(
            "xxe/file/pom.xml", "xxe/http/pom.xml", "xxe/file/App.csproj", "xxe/http/App.csproj")) {
      assertThat(warningsOn(file)).as("warnings on %s", file).isNotEmpty();
    }
  }

  @Test
  void hostileFileNamesAreReadAndNamedOnOneLine() throws IOException {
    try (Stream<Path> all = Files.walk(base)) {
      assertThat(all.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("pwned"));
    }
    assertThat(Path.of("pwned")).doesNotExist();
    for (Warning w : result.warnings()) {
      assertThat(w.source() + w.message()).as("a warning is one line").doesNotContain("\n", "\r");
    }
    for (String name : hostileNames()) {
      // a finding keeps the path as it is (reports escape it); a warning flattens control
      // characters to a space
      assertThat(findingsIn(NAMES + name + ".py")).as(name).isNotEmpty();
      String flat = name.replace('\n', ' ');
      assertThat(result.warnings())
          .as(name)
          .anyMatch(w -> w.source().startsWith("tree/" + NAMES + flat + ".yml"));
    }
  }

  @Test
  void zipBombsNamedLikeModelsAreJudgedByTheirHeaderAlone() {
    // the PyTorch ZIP is recognised from its first bytes; the others are not what they claim
    assertThat(findingsIn("models/model.pt")).isNotEmpty();
    assertThat(warningsOn("models/model.safetensors"))
        .anyMatch(m -> m.contains("header does not match"));
    assertThat(warningsOn("models/model.onnx")).anyMatch(m -> m.contains("header does not match"));
  }

  @Test
  void unreadableEntriesAreWarned() {
    Assumptions.assumeFalse(
        Files.isReadable(tree.resolve("locked/secret.py")),
        "running as root: permissions are not enforced");
    assertThat(warningsOn("locked/secret.py")).anyMatch(m -> m.contains("cannot read"));
    assertThat(findingsIn("locked/secret.py")).isEmpty();
    assertThat(warningsOn("locked-dir")).anyMatch(m -> m.contains("cannot list directory"));
    assertThat(findingsIn("locked-dir/inner.py")).isEmpty();
  }

  private static List<String> hostileNames() {
    return List.of("new\nline", "$(touch pwned)", "; rm -rf x", "`touch pwned2`");
  }

  /** The messages of the warnings on a file of the tree (with or without a line number). */
  private static List<String> warningsOn(String relative) {
    String source = "tree/" + relative;
    return result.warnings().stream()
        .filter(w -> w.source().equals(source) || w.source().startsWith(source + ":"))
        .map(Warning::message)
        .toList();
  }

  private static List<Finding> findingsIn(String relative) {
    return result.findings().stream().filter(f -> relative.equals(f.location().file())).toList();
  }

  /** Everything the scan says in words: warnings and finding evidence. */
  private static List<String> everyText() {
    return Stream.concat(
            result.warnings().stream().map(w -> w.source() + " " + w.message()),
            result.findings().stream().map(f -> f.location() + " " + f.evidence()))
        .toList();
  }

  private static Path write(String relative, String content) throws IOException {
    Path p = tree.resolve(relative);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content);
    return p;
  }

  private static void sparse(Path file) throws IOException {
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
      f.setLength(HUGE);
    }
  }

  private static Path zipBomb(Path file, String entry) throws IOException {
    Files.createDirectories(file.getParent());
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
      zip.setLevel(Deflater.BEST_COMPRESSION);
      zip.putNextEntry(new ZipEntry(entry));
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < 1024; i++) {
        zip.write(zeros);
      }
      zip.closeEntry();
    }
    return file;
  }

  private static byte[] concat(byte[]... parts) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }
}

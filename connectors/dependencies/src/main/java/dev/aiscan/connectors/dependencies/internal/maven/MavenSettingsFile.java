package dev.aiscan.connectors.dependencies.internal.maven;

import dev.aiscan.connectors.dependencies.internal.SafeXml;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * What the reader uses of a Maven settings.xml: the local repository, offline, mirrors, the
 * repositories of the active profiles, active proxies and server credentials (plain text only:
 * passwords encrypted with settings-security.xml are not decrypted).
 */
record MavenSettingsFile(
    String localRepository,
    boolean offline,
    List<Mirror> mirrors,
    List<Repository> repositories,
    List<Proxy> proxies,
    List<Server> servers) {

  static final MavenSettingsFile EMPTY =
      new MavenSettingsFile(null, false, List.of(), List.of(), List.of(), List.of());

  /** An active proxy; {@code nonProxyHosts} as Maven writes it ({@code *.acme.com|localhost}). */
  record Proxy(
      String protocol,
      String host,
      int port,
      String username,
      String password,
      String nonProxyHosts) {
    @Override
    public String toString() {
      return "Proxy[" + protocol + "://" + host + ":" + port + "]";
    }
  }

  /** Credentials for the repository or mirror of this id. Never logged. */
  record Server(String id, String username, String password) {
    @Override
    public String toString() {
      return "Server[" + id + "]";
    }
  }

  record Mirror(String id, String url, String mirrorOf, String layout) {}

  record Repository(String id, String url, boolean releases, boolean snapshots) {}

  MavenSettingsFile {
    mirrors = List.copyOf(mirrors);
    repositories = List.copyOf(repositories);
    proxies = List.copyOf(proxies);
    servers = List.copyOf(servers);
  }

  /** Reads a settings.xml with the same XXE-safe parser as POMs. */
  static MavenSettingsFile read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      XMLStreamReader xml = SafeXml.reader(in);
      try {
        return parse(xml);
      } finally {
        xml.close();
      }
    } catch (XMLStreamException e) {
      throw new IOException("malformed settings.xml", e);
    }
  }

  private static MavenSettingsFile parse(XMLStreamReader xml) throws XMLStreamException {
    Deque<String> path = new ArrayDeque<>();
    StringBuilder text = new StringBuilder();
    Map<String, String> top = new HashMap<>();
    List<Mirror> mirrors = new ArrayList<>();
    List<Proxy> proxies = new ArrayList<>();
    List<Server> servers = new ArrayList<>();
    Map<String, String> current = new HashMap<>();
    String profileId = null;
    boolean profileActive = false;
    Map<String, List<Repository>> profileRepositories = new HashMap<>();
    Set<String> active = new HashSet<>();
    while (xml.hasNext()) {
      int event = xml.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        path.addLast(xml.getLocalName());
        text.setLength(0);
        String name = xml.getLocalName();
        if (name.equals("mirror")
            || name.equals("repository")
            || name.equals("proxy")
            || name.equals("server")) {
          current = new HashMap<>();
        }
      } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
        text.append(xml.getText());
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        String where = String.join("/", path);
        String value = text.toString().trim();
        text.setLength(0);
        switch (where) {
          case "settings/localRepository", "settings/offline" -> top.put(xml.getLocalName(), value);
          case "settings/mirrors/mirror" ->
              mirrors.add(
                  new Mirror(
                      current.getOrDefault("id", "mirror"),
                      current.get("url"),
                      current.getOrDefault("mirrorOf", "*"),
                      current.getOrDefault("layout", "default")));
          case "settings/proxies/proxy" -> {
            if (!"false".equals(current.get("active")) && current.get("host") != null) {
              proxies.add(
                  new Proxy(
                      current.getOrDefault("protocol", "http"),
                      current.get("host"),
                      port(current.get("port")),
                      current.get("username"),
                      current.get("password"),
                      current.get("nonProxyHosts")));
            }
          }
          case "settings/servers/server" -> {
            if (current.get("id") != null) {
              servers.add(
                  new Server(current.get("id"), current.get("username"), current.get("password")));
            }
          }
          case "settings/activeProfiles/activeProfile" -> active.add(value);
          case "settings/profiles/profile/id" -> profileId = value;
          case "settings/profiles/profile/activation/activeByDefault" ->
              profileActive = Boolean.parseBoolean(value);
          case "settings/profiles/profile/repositories/repository" ->
              profileRepositories
                  .computeIfAbsent(String.valueOf(profileId), k -> new ArrayList<>())
                  .add(
                      new Repository(
                          current.getOrDefault("id", "repository"),
                          current.get("url"),
                          !"false".equals(current.get("releases/enabled")),
                          !"false".equals(current.get("snapshots/enabled"))));
          case "settings/profiles/profile" -> {
            if (profileActive && profileId != null) {
              active.add(profileId);
            }
            profileId = null;
            profileActive = false;
          }
          default -> {
            if (where.startsWith("settings/mirrors/mirror/")) {
              current.put(where.substring("settings/mirrors/mirror/".length()), value);
            } else if (where.startsWith("settings/proxies/proxy/")) {
              current.put(where.substring("settings/proxies/proxy/".length()), value);
            } else if (where.startsWith("settings/servers/server/")) {
              current.put(where.substring("settings/servers/server/".length()), value);
            } else if (where.startsWith("settings/profiles/profile/repositories/repository/")) {
              current.put(
                  where.substring("settings/profiles/profile/repositories/repository/".length()),
                  value);
            }
          }
        }
        path.removeLast();
      }
    }
    List<Repository> repositories = new ArrayList<>();
    profileRepositories.forEach(
        (id, repos) -> {
          if (active.contains(id)) {
            repos.stream().filter(r -> r.url() != null).forEach(repositories::add);
          }
        });
    return new MavenSettingsFile(
        top.get("localRepository"),
        Boolean.parseBoolean(top.get("offline")),
        mirrors.stream().filter(m -> m.url() != null).toList(),
        repositories,
        proxies,
        servers);
  }

  private static int port(String value) {
    try {
      return value == null ? 8080 : Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      return 8080;
    }
  }
}

package dev.aiscan.connectors.dependencies.internal.maven;

import dev.aiscan.connectors.dependencies.DependencySettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.eclipse.aether.AbstractRepositoryListener;
import org.eclipse.aether.ConfigurationProperties;
import org.eclipse.aether.DefaultRepositoryCache;
import org.eclipse.aether.RepositoryEvent;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.RequestTrace;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.repository.Authentication;
import org.eclipse.aether.repository.Proxy;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.repository.RepositoryPolicy;
import org.eclipse.aether.resolution.ArtifactDescriptorPolicy;
import org.eclipse.aether.supplier.RepositorySystemSupplier;
import org.eclipse.aether.supplier.SessionBuilderSupplier;
import org.eclipse.aether.util.repository.AuthenticationBuilder;
import org.eclipse.aether.util.repository.DefaultAuthenticationSelector;
import org.eclipse.aether.util.repository.DefaultMirrorSelector;
import org.eclipse.aether.util.repository.DefaultProxySelector;

/**
 * One Maven Resolver system and session for a whole scan, so every coordinate is read once and
 * cached across modules: local repository, mirrors and repositories from settings.xml, offline.
 */
final class MavenSession implements AutoCloseable {
  static final String CENTRAL = "https://repo.maven.apache.org/maven2/";

  private final RepositorySystem system;
  private final RepositorySystemSession.CloseableSession session;
  private final List<RemoteRepository> repositories;

  /**
   * Receives the descriptors Maven Resolver could not read during collection (they cost only their
   * subtree).
   */
  interface Problems {
    void descriptor(RequestTrace trace, Artifact artifact, boolean missing, Exception cause);
  }

  private MavenSession(
      RepositorySystem system,
      RepositorySystemSession.CloseableSession session,
      List<RemoteRepository> repositories) {
    this.system = system;
    this.session = session;
    this.repositories = repositories;
  }

  static MavenSession open(DependencySettings settings, Reactor reactor, Problems problems)
      throws IOException {
    // The shell passes the user's home; below the shell nothing reads the environment.
    Path home = settings.userHome();
    Path settingsFile =
        settings.mavenSettings() != null
            ? settings.mavenSettings()
            : home == null ? null : home.resolve(".m2/settings.xml");
    MavenSettingsFile file =
        settingsFile != null && Files.isRegularFile(settingsFile)
            ? MavenSettingsFile.read(settingsFile)
            : MavenSettingsFile.EMPTY;
    Path local;
    if (settings.mavenLocalRepository() != null) {
      local = settings.mavenLocalRepository();
    } else if (file.localRepository() != null
        && !file.localRepository().isBlank()
        && (home != null || !file.localRepository().contains("${user.home}"))) {
      local =
          Path.of(
              home == null
                  ? file.localRepository()
                  : file.localRepository().replace("${user.home}", home.toString()));
    } else if (home != null) {
      local = home.resolve(".m2/repository");
    } else {
      throw new dev.aiscan.core.ScanException(
          "no Maven local repository: set connectors.dependencies.user-home or maven-local-repository");
    }

    DefaultMirrorSelector mirrors = new DefaultMirrorSelector();
    for (MavenSettingsFile.Mirror m : file.mirrors()) {
      mirrors.add(m.id(), m.url(), m.layout(), false, false, m.mirrorOf(), "*");
    }
    Map<String, RemoteRepository> repos = new LinkedHashMap<>();
    repos.put(
        "central",
        new RemoteRepository.Builder("central", "default", CENTRAL)
            .setSnapshotPolicy(
                new RepositoryPolicy(
                    false,
                    RepositoryPolicy.UPDATE_POLICY_DAILY,
                    RepositoryPolicy.CHECKSUM_POLICY_WARN))
            .build());
    for (MavenSettingsFile.Repository r : file.repositories()) {
      repos.putIfAbsent(
          r.id(),
          new RemoteRepository.Builder(r.id(), "default", r.url())
              .setReleasePolicy(
                  new RepositoryPolicy(
                      r.releases(),
                      RepositoryPolicy.UPDATE_POLICY_DAILY,
                      RepositoryPolicy.CHECKSUM_POLICY_WARN))
              .setSnapshotPolicy(
                  new RepositoryPolicy(
                      r.snapshots(),
                      RepositoryPolicy.UPDATE_POLICY_DAILY,
                      RepositoryPolicy.CHECKSUM_POLICY_WARN))
              .build());
    }

    RepositorySystem system = new RepositorySystemSupplier().get();
    Properties systemProperties = new Properties();
    // Profile activation (jdk, os) reads these, as Maven does.
    systemProperties.putAll(System.getProperties());
    RepositorySystemSession.CloseableSession session =
        new SessionBuilderSupplier(system)
            .get()
            .withLocalRepositoryBaseDirectories(local)
            .setOffline(settings.offline() || file.offline())
            .setMirrorSelector(mirrors)
            .setProxySelector(proxies(file))
            .setAuthenticationSelector(credentials(file))
            .setWorkspaceReader(reactor)
            .setCache(new DefaultRepositoryCache())
            .setSystemProperties(systemProperties)
            .setChecksumPolicy(RepositoryPolicy.CHECKSUM_POLICY_WARN)
            // A scan must not stall on an unreachable repository: fail an artifact fast and go on
            // (the failure becomes a warning), instead of the resolver's default 30-minute request.
            .setConfigProperty(ConfigurationProperties.CONNECT_TIMEOUT, 10_000)
            .setConfigProperty(ConfigurationProperties.REQUEST_TIMEOUT, 60_000)
            // A module of the tree must build; a POM from a repository that does not only loses its
            // subtree (and says so).
            .setArtifactDescriptorPolicy(
                (s, request) ->
                    reactor.contains(
                            request.getArtifact().getGroupId(),
                            request.getArtifact().getArtifactId(),
                            request.getArtifact().getBaseVersion())
                        ? ArtifactDescriptorPolicy.STRICT
                        : ArtifactDescriptorPolicy.IGNORE_ERRORS)
            .setRepositoryListener(
                new AbstractRepositoryListener() {
                  @Override
                  public void artifactDescriptorMissing(RepositoryEvent event) {
                    if (!inReactor(reactor, event)) {
                      problems.descriptor(
                          event.getTrace(), event.getArtifact(), true, event.getException());
                    }
                  }

                  @Override
                  public void artifactDescriptorInvalid(RepositoryEvent event) {
                    if (!inReactor(reactor, event)) {
                      problems.descriptor(
                          event.getTrace(), event.getArtifact(), false, event.getException());
                    }
                  }
                })
            .build();
    return new MavenSession(
        system,
        session,
        system.newResolutionRepositories(session, new ArrayList<>(repos.values())));
  }

  /**
   * The tree's own modules fail loudly where they are read; the listener reports only repository
   * POMs.
   */
  private static boolean inReactor(Reactor reactor, RepositoryEvent event) {
    return reactor.contains(
        event.getArtifact().getGroupId(),
        event.getArtifact().getArtifactId(),
        event.getArtifact().getBaseVersion());
  }

  RepositorySystem system() {
    return system;
  }

  RepositorySystemSession session() {
    return session;
  }

  /** The active proxies of settings.xml, as Maven applies them. */
  private static DefaultProxySelector proxies(MavenSettingsFile file) {
    DefaultProxySelector selector = new DefaultProxySelector();
    for (MavenSettingsFile.Proxy p : file.proxies()) {
      Authentication auth =
          p.username() == null
              ? null
              : new AuthenticationBuilder()
                  .addUsername(p.username())
                  .addPassword(p.password())
                  .build();
      selector.add(new Proxy(p.protocol(), p.host(), p.port(), auth), p.nonProxyHosts());
    }
    return selector;
  }

  /** Server credentials by repository or mirror id, as Maven applies them. */
  private static DefaultAuthenticationSelector credentials(MavenSettingsFile file) {
    DefaultAuthenticationSelector selector = new DefaultAuthenticationSelector();
    for (MavenSettingsFile.Server server : file.servers()) {
      selector.add(
          server.id(),
          new AuthenticationBuilder()
              .addUsername(server.username())
              .addPassword(server.password())
              .build());
    }
    return selector;
  }

  /** The repositories from settings, mirrors applied. */
  List<RemoteRepository> repositories() {
    return repositories;
  }

  @Override
  public void close() {
    session.close();
    system.shutdown();
  }
}

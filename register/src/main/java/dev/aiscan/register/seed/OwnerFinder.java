package dev.aiscan.register.seed;

import dev.aiscan.core.model.CloudResource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.LogCommand;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.RepositoryBuilder;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * Suggests who owns the AI use in a source tree: the CODEOWNERS owners of the files with findings,
 * most files first, then the authors of the last commits touching those files, most commits first.
 * Never fails: a tree without CODEOWNERS and outside git has no suggestions.
 *
 * <p>In a cloud account or SaaS tenant the resources say it themselves: {@link
 * #fromTags(Collection)} reads their {@code owner} tag, else their {@code team} tag.
 */
public final class OwnerFinder {
  private OwnerFinder() {}

  /** How many commits touching the evidence files are looked at. */
  static final int COMMITS = 50;

  /** How many git authors are suggested at most. */
  static final int MAX_AUTHORS = 5;

  /**
   * Owner suggestions for files of a tree, best first.
   *
   * @param targetRoot the root of the scanned tree
   * @param evidenceFiles files with findings, relative to the root with {@code /} separators
   */
  public static List<OwnerSuggestion> owners(Path targetRoot, Collection<String> evidenceFiles) {
    if (targetRoot == null || evidenceFiles == null) {
      return List.of();
    }
    TreeSet<String> files = new TreeSet<>();
    for (String f : evidenceFiles) {
      if (f != null && !f.isBlank()) {
        files.add(normalize(f));
      }
    }
    if (files.isEmpty()) {
      return List.of();
    }
    Path root = targetRoot.toAbsolutePath().normalize();
    List<OwnerSuggestion> suggestions = new ArrayList<>();
    try {
      suggestions.addAll(fromCodeOwners(root, files));
    } catch (RuntimeException e) {
      // no suggestions from an unreadable CODEOWNERS file
    }
    try {
      for (OwnerSuggestion s : fromGit(root, files)) {
        if (suggestions.stream().noneMatch(o -> o.owner().equals(s.owner()))) {
          suggestions.add(s);
        }
      }
    } catch (Exception e) {
      // no suggestions from a repository JGit cannot read
    }
    return List.copyOf(suggestions);
  }

  /** The tags that name an owner, in order of preference; keys are compared ignoring case. */
  static final List<String> OWNER_TAGS = List.of("owner", "team");

  /**
   * Owner suggestions from the tags of the resources the findings are located at, best first: each
   * resource's {@code owner} tag, else its {@code team} tag; owners of more resources first, then
   * owners from an {@code owner} tag, then by name. A resource without either tag suggests nobody.
   */
  public static List<OwnerSuggestion> fromTags(Collection<CloudResource> resources) {
    if (resources == null) {
      return List.of();
    }
    List<CloudResource> sorted = new ArrayList<>(resources);
    sorted.removeIf(Objects::isNull);
    sorted.sort(Comparator.comparing(CloudResource::id));
    // owner -> the tag key as the first resource wrote it, and the resources naming that owner
    Map<String, String> keyOf = new LinkedHashMap<>();
    Map<String, Integer> rank = new HashMap<>();
    Map<String, List<String>> resourcesOf = new HashMap<>();
    for (CloudResource r : sorted) {
      for (int i = 0; i < OWNER_TAGS.size(); i++) {
        Map.Entry<String, String> tag = tag(r, OWNER_TAGS.get(i));
        if (tag != null) {
          String owner = tag.getValue().strip();
          keyOf.putIfAbsent(owner, tag.getKey());
          rank.merge(owner, i, Math::min);
          resourcesOf.computeIfAbsent(owner, o -> new ArrayList<>()).add(r.id());
          break;
        }
      }
    }
    List<String> owners = new ArrayList<>(keyOf.keySet());
    owners.sort(
        Comparator.comparing((String o) -> resourcesOf.get(o).size())
            .reversed()
            .thenComparing(rank::get)
            .thenComparing(Comparator.naturalOrder()));
    List<OwnerSuggestion> suggestions = new ArrayList<>();
    for (String owner : owners) {
      List<String> ids = resourcesOf.get(owner);
      String on =
          ids.size() == 1
              ? ids.get(0)
              : ids.size()
                  + " of "
                  + sorted.size()
                  + " resources: "
                  + String.join(", ", ids.subList(0, Math.min(2, ids.size())))
                  + (ids.size() > 2 ? " and " + (ids.size() - 2) + " more" : "");
      suggestions.add(new OwnerSuggestion(owner, "tag " + keyOf.get(owner) + " on " + on));
    }
    return List.copyOf(suggestions);
  }

  /** The resource's tag with this key ignoring case and a non-blank value, or null. */
  private static Map.Entry<String, String> tag(CloudResource r, String key) {
    for (Map.Entry<String, String> t : r.tags().entrySet()) {
      if (t.getKey().equalsIgnoreCase(key) && t.getValue() != null && !t.getValue().isBlank()) {
        return t;
      }
    }
    return null;
  }

  private static String normalize(String file) {
    String f = file.replace('\\', '/');
    while (f.startsWith("./")) {
      f = f.substring(2);
    }
    return f.startsWith("/") ? f.substring(1) : f;
  }

  /**
   * Owners from the tree's CODEOWNERS file or, for a tree inside a git work tree without one, from
   * the work tree's.
   */
  static List<OwnerSuggestion> fromCodeOwners(Path root, Collection<String> files) {
    CodeOwners own = CodeOwners.find(root);
    if (own != null) {
      return fromCodeOwners(own, "", files);
    }
    WorkTree workTree = workTree(root);
    if (workTree == null || workTree.prefix().isEmpty()) {
      return List.of();
    }
    CodeOwners outer = CodeOwners.find(workTree.root());
    return outer == null ? List.of() : fromCodeOwners(outer, workTree.prefix() + "/", files);
  }

  /**
   * The git work tree a directory is in.
   *
   * @param root the work tree's root
   * @param prefix the directory relative to it, {@code /} separated; empty for the root itself
   */
  private record WorkTree(Path root, String prefix) {}

  private static WorkTree workTree(Path dir) {
    try {
      RepositoryBuilder builder = new RepositoryBuilder().findGitDir(dir.toFile());
      if (builder.getGitDir() == null) {
        return null;
      }
      try (Repository repository = builder.setMustExist(true).build()) {
        if (repository.isBare()) {
          return null;
        }
        Path top = repository.getWorkTree().toPath().toRealPath();
        String prefix = normalize(top.relativize(dir.toRealPath()).toString());
        return prefix.startsWith("..") ? null : new WorkTree(top, prefix);
      }
    } catch (Exception e) {
      return null;
    }
  }

  private static List<OwnerSuggestion> fromCodeOwners(
      CodeOwners codeOwners, String prefix, Collection<String> relativeFiles) {
    List<String> files = relativeFiles.stream().map(f -> prefix + f).toList();
    // owner -> rule -> files it gives that owner
    Map<String, Map<CodeOwners.Rule, Integer>> byOwner = new LinkedHashMap<>();
    Map<String, Integer> fileCounts = new HashMap<>();
    for (String file : files) {
      CodeOwners.Rule rule = codeOwners.ruleFor(file);
      if (rule == null) {
        continue;
      }
      for (String owner : new TreeSet<>(rule.owners())) {
        byOwner.computeIfAbsent(owner, o -> new LinkedHashMap<>()).merge(rule, 1, Integer::sum);
        fileCounts.merge(owner, 1, Integer::sum);
      }
    }
    List<String> owners = new ArrayList<>(byOwner.keySet());
    owners.sort(
        Comparator.comparing((String o) -> fileCounts.get(o))
            .reversed()
            .thenComparing(Comparator.naturalOrder()));
    List<OwnerSuggestion> suggestions = new ArrayList<>();
    for (String owner : owners) {
      CodeOwners.Rule rule =
          byOwner.get(owner).entrySet().stream()
              .sorted(
                  Comparator.comparing((Map.Entry<CodeOwners.Rule, Integer> e) -> e.getValue())
                      .reversed()
                      .thenComparingInt(e -> e.getKey().line()))
              .findFirst()
              .orElseThrow()
              .getKey();
      suggestions.add(
          new OwnerSuggestion(
              owner, codeOwners.file() + " line " + rule.line() + " (" + rule.text() + ")"));
    }
    return suggestions;
  }

  static List<OwnerSuggestion> fromGit(Path root, Collection<String> files) throws Exception {
    WorkTree workTree = workTree(root);
    if (workTree == null) {
      return List.of();
    }
    String prefix = workTree.prefix();
    try (Repository repository =
            new RepositoryBuilder()
                .findGitDir(workTree.root().toFile())
                .setMustExist(true)
                .build();
        Git git = new Git(repository)) {
      if (repository.resolve("HEAD") == null) {
        return List.of();
      }
      LogCommand log = git.log().setMaxCount(COMMITS);
      for (String file : files) {
        log.addPath(prefix.isEmpty() ? file : prefix + "/" + file);
      }
      Map<String, Integer> counts = new HashMap<>();
      int total = 0;
      for (RevCommit commit : log.call()) {
        PersonIdent author = commit.getAuthorIdent();
        if (author == null) {
          continue;
        }
        counts.merge(person(author), 1, Integer::sum);
        total++;
      }
      int commits = total;
      return counts.entrySet().stream()
          .sorted(
              Map.Entry.<String, Integer>comparingByValue()
                  .reversed()
                  .thenComparing(Map.Entry.comparingByKey()))
          .limit(MAX_AUTHORS)
          .map(
              e ->
                  new OwnerSuggestion(
                      e.getKey(),
                      "git: "
                          + e.getValue()
                          + " of the last "
                          + commits
                          + (commits == 1 ? " commit" : " commits")
                          + " touching the evidence files"))
          .toList();
    }
  }

  private static String person(PersonIdent author) {
    String name = Objects.requireNonNullElse(author.getName(), "").strip();
    String email = Objects.requireNonNullElse(author.getEmailAddress(), "").strip();
    if (email.isEmpty()) {
      return name;
    }
    return name.isEmpty() ? "<" + email + ">" : name + " <" + email + ">";
  }
}

package dev.aiscan.connectors.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BiConsumer;
import org.eclipse.jgit.ignore.IgnoreNode;

/**
 * Walks a source tree lazily, depth first in name order, yielding the regular files to scan.
 *
 * <p>Skips version-control and build output directories, virtualenvs and whatever {@code
 * .gitignore} files ignore; {@code --include}/{@code --exclude} globs override. Symbolic links are
 * followed only while they stay inside the tree; loops, links leading outside and broken links are
 * reported and not followed, so nothing outside the target is ever read.
 */
public final class TreeWalker implements Iterable<TreeWalker.Entry> {
  /** Directory names never descended into unless an include glob asks for them. */
  static final Set<String> SKIPPED_DIRS =
      Set.of(
          ".git",
          ".hg",
          ".svn",
          "node_modules",
          "target",
          "build",
          "dist",
          "__pycache__",
          ".venv",
          "venv",
          ".tox",
          ".nox",
          ".mypy_cache",
          ".pytest_cache",
          ".ruff_cache",
          ".gradle",
          ".idea",
          ".vscode",
          "site-packages",
          ".terraform",
          "bower_components",
          ".next",
          ".nuxt");

  /** A file to scan: its absolute path, path relative to the root, and size. */
  public record Entry(Path path, String relative, long size) {}

  private final Path root;
  private final List<PathMatcher> includes;
  private final List<PathMatcher> excludes;
  private final boolean useGitignore;
  private final BiConsumer<String, String> warn;

  /**
   * @param root the real path of the tree's root
   * @param warn receives (relative path, message) for anything skipped that the user should know of
   */
  public TreeWalker(
      Path root,
      List<String> includes,
      List<String> excludes,
      boolean useGitignore,
      BiConsumer<String, String> warn) {
    this.root = root;
    this.includes = globs(includes);
    this.excludes = globs(excludes);
    this.useGitignore = useGitignore;
    this.warn = warn;
  }

  @Override
  public Iterator<Entry> iterator() {
    return new Walk();
  }

  /** One directory waiting to be listed, with the ignore rules in force there. */
  private record Dir(Path path, String relative, List<Ignore> ignores, Set<Path> ancestors) {}

  /** A .gitignore and the directory (relative to the root) it applies to. */
  private record Ignore(String base, IgnoreNode node) {}

  private final class Walk implements Iterator<Entry> {
    private final Deque<Dir> dirs = new ArrayDeque<>();
    private final Deque<Entry> files = new ArrayDeque<>();
    private final Set<Path> visited = new HashSet<>();

    Walk() {
      visited.add(root);
      dirs.push(new Dir(root, "", List.of(), Set.of(root)));
    }

    @Override
    public boolean hasNext() {
      while (files.isEmpty() && !dirs.isEmpty()) {
        list(dirs.pop());
      }
      return !files.isEmpty();
    }

    @Override
    public Entry next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return files.poll();
    }

    private void list(Dir dir) {
      List<Path> children = new ArrayList<>();
      try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir.path())) {
        stream.forEach(children::add);
      } catch (IOException | RuntimeException e) {
        warn.accept(
            dir.relative().isEmpty() ? "." : dir.relative(),
            "cannot list directory: " + e.getClass().getSimpleName());
        return;
      }
      children.sort(null);
      List<Ignore> ignores = dir.ignores();
      if (useGitignore) {
        Path gitignore = dir.path().resolve(".gitignore");
        if (Files.isRegularFile(gitignore, LinkOption.NOFOLLOW_LINKS)) {
          ignores = new ArrayList<>(ignores);
          ignores.add(new Ignore(dir.relative(), parseIgnore(gitignore, dir.relative())));
        }
      }
      List<Dir> subdirs = new ArrayList<>();
      for (Path child : children) {
        String name = child.getFileName().toString();
        String relative = dir.relative().isEmpty() ? name : dir.relative() + "/" + name;
        visit(child, relative, dir, ignores, subdirs);
      }
      // Push in reverse so that directories are walked in name order.
      for (int i = subdirs.size() - 1; i >= 0; i--) {
        dirs.push(subdirs.get(i));
      }
    }

    private void visit(
        Path child, String relative, Dir parent, List<Ignore> ignores, List<Dir> subdirs) {
      BasicFileAttributes attrs;
      Path real = child;
      try {
        attrs = Files.readAttributes(child, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (attrs.isSymbolicLink()) {
          try {
            real = child.toRealPath();
          } catch (NoSuchFileException e) {
            warn.accept(relative, "broken symbolic link; skipped");
            return;
          } catch (IOException e) {
            // A link that resolves to itself, directly or through others, fails to resolve.
            warn.accept(relative, "symbolic link loop; not followed");
            return;
          }
          if (!real.startsWith(root)) {
            warn.accept(relative, "symbolic link points outside the target; not followed");
            return;
          }
          attrs = Files.readAttributes(real, BasicFileAttributes.class);
        }
      } catch (IOException e) {
        warn.accept(relative, "cannot read file attributes: " + e.getClass().getSimpleName());
        return;
      }
      boolean isDir = attrs.isDirectory();
      if (matches(excludes, relative, isDir)) {
        return;
      }
      if (isDir) {
        if (parent.ancestors().contains(real)) {
          warn.accept(relative, "symbolic link loop; not followed");
          return;
        }
        if (!includes.isEmpty()
            ? child.getFileName().toString().equals(".git")
            : skippedByDefault(real, relative, ignores)) {
          return;
        }
        if (!visited.add(real)) {
          return; // reached again through a link inside the tree: scanned once
        }
        Set<Path> ancestors = new HashSet<>(parent.ancestors());
        ancestors.add(real);
        subdirs.add(new Dir(real, relative, ignores, ancestors));
      } else {
        boolean wanted =
            includes.isEmpty()
                ? !ignored(ignores, relative, false)
                : matches(includes, relative, false);
        if (wanted && attrs.isRegularFile()) {
          files.add(new Entry(real, relative, attrs.size()));
        } else if (wanted && attrs.isOther()) {
          // opening a FIFO would wait for a writer for ever; a device could be endless
          warn.accept(relative, "not a regular file (a FIFO, socket or device); not read");
        }
      }
    }

    private boolean skippedByDefault(Path dir, String relative, List<Ignore> ignores) {
      String name = relative.substring(relative.lastIndexOf('/') + 1);
      return SKIPPED_DIRS.contains(name)
          || Files.isRegularFile(dir.resolve("pyvenv.cfg"))
          || ignored(ignores, relative, true);
    }
  }

  private IgnoreNode parseIgnore(Path gitignore, String relativeDir) {
    IgnoreNode node = new IgnoreNode();
    try (InputStream in = Files.newInputStream(gitignore)) {
      node.parse(gitignore.toString(), in);
    } catch (IOException | RuntimeException e) {
      warn.accept(
          relativeDir.isEmpty() ? ".gitignore" : relativeDir + "/.gitignore",
          "cannot read .gitignore: " + e.getClass().getSimpleName());
    }
    return node;
  }

  /** Git semantics: the deepest .gitignore with a matching rule decides. */
  private static boolean ignored(List<Ignore> ignores, String relative, boolean isDir) {
    for (int i = ignores.size() - 1; i >= 0; i--) {
      Ignore ignore = ignores.get(i);
      String path =
          ignore.base().isEmpty() ? relative : relative.substring(ignore.base().length() + 1);
      Boolean verdict = ignore.node().checkIgnored(path, isDir);
      if (verdict != null) {
        return verdict;
      }
    }
    return false;
  }

  private static boolean matches(List<PathMatcher> globs, String relative, boolean isDir) {
    if (globs.isEmpty()) {
      return false;
    }
    Path p = Path.of(relative);
    for (PathMatcher m : globs) {
      if (m.matches(p) || (isDir && m.matches(p.resolve("x")))) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@code **}{@code /x} also matches {@code x} at the root, as users expect from git-style globs.
   */
  private static List<PathMatcher> globs(List<String> patterns) {
    List<PathMatcher> out = new ArrayList<>();
    for (String pattern : patterns) {
      out.add(FileSystems.getDefault().getPathMatcher("glob:" + pattern));
      if (pattern.startsWith("**/")) {
        out.add(FileSystems.getDefault().getPathMatcher("glob:" + pattern.substring(3)));
      }
    }
    return out;
  }
}

package dev.aiscan.connectors.dependencies.internal.python;

import static dev.aiscan.connectors.dependencies.internal.RecordingOutput.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aiscan.connectors.dependencies.internal.Dependency;
import dev.aiscan.connectors.dependencies.internal.RecordingOutput;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PythonReaderTest {
  @TempDir Path root;
  private final PythonReader reader = new PythonReader();
  private final RecordingOutput out = new RecordingOutput();

  private static final String PYPROJECT =
      """
      [project]
      name = "chat-api"
      version = "0.1.0"
      dependencies = [
          "fastapi>=0.110",
          "openai>=1.30,<2",
          "langchain-openai==0.1.8 ; python_version >= '3.9'",
      ]

      [project.optional-dependencies]
      test = ["pytest>=8"]
      """;

  private static final String UV_LOCK =
      """
      version = 1
      requires-python = ">=3.11"

      [[package]]
      name = "chat-api"
      version = "0.1.0"
      source = { editable = "." }
      dependencies = [
          { name = "fastapi" },
          { name = "langchain-openai" },
          { name = "openai" },
      ]

      [[package]]
      name = "fastapi"
      version = "0.111.0"
      source = { registry = "https://pypi.org/simple" }
      dependencies = [{ name = "starlette" }]

      [[package]]
      name = "langchain-core"
      version = "0.2.5"
      source = { registry = "https://pypi.org/simple" }
      dependencies = [{ name = "pydantic" }]

      [[package]]
      name = "langchain-openai"
      version = "0.1.8"
      source = { registry = "https://pypi.org/simple" }
      dependencies = [
          { name = "langchain-core" },
          { name = "openai" },
          { name = "tiktoken" },
      ]

      [[package]]
      name = "openai"
      version = "1.35.3"
      source = { registry = "https://pypi.org/simple" }

      [[package]]
      name = "pydantic"
      version = "2.7.4"
      source = { registry = "https://pypi.org/simple" }

      [[package]]
      name = "pytest"
      version = "8.2.2"
      source = { registry = "https://pypi.org/simple" }

      [[package]]
      name = "starlette"
      version = "0.37.2"
      source = { registry = "https://pypi.org/simple" }

      [[package]]
      name = "tiktoken"
      version = "0.7.0"
      source = { registry = "https://pypi.org/simple" }
      """;

  private void read(String... files) {
    reader.read(root, List.of(files), null, out);
  }

  @Test
  void wantsPythonManifestsAndLockfiles() {
    assertThat(reader.wants("requirements.txt", "requirements.txt")).isTrue();
    assertThat(reader.wants("svc/requirements-dev.txt", "requirements-dev.txt")).isTrue();
    assertThat(reader.wants("requirements/base.txt", "base.txt")).isTrue();
    assertThat(reader.wants("a/pyproject.toml", "pyproject.toml")).isTrue();
    assertThat(reader.wants("uv.lock", "uv.lock")).isTrue();
    assertThat(reader.wants("notes.txt", "notes.txt")).isFalse();
    assertThat(reader.wants("package.json", "package.json")).isFalse();
  }

  @Test
  void pep621WithUvLockGivesTheGraph() {
    write(root, "pyproject.toml", PYPROJECT);
    write(root, "uv.lock", UV_LOCK);

    read("pyproject.toml", "uv.lock");

    assertThat(out.warnings).isEmpty();
    assertThat(out.one("openai"))
        .isEqualTo(
            new Dependency(
                "pypi",
                "openai",
                "1.35.3",
                null,
                true,
                List.of("chat-api", "openai==1.35.3"),
                "pyproject.toml",
                6));
    assertThat(out.one("langchain-openai"))
        .isEqualTo(
            new Dependency(
                "pypi",
                "langchain-openai",
                "0.1.8",
                null,
                true,
                List.of("chat-api", "langchain-openai==0.1.8"),
                "pyproject.toml",
                7));
    assertThat(out.one("langchain-core"))
        .isEqualTo(
            new Dependency(
                "pypi",
                "langchain-core",
                "0.2.5",
                null,
                false,
                List.of("chat-api", "langchain-openai==0.1.8", "langchain-core==0.2.5"),
                "pyproject.toml",
                7));
    assertThat(out.one("pydantic").path())
        .containsExactly(
            "chat-api", "langchain-openai==0.1.8", "langchain-core==0.2.5", "pydantic==2.7.4");
    assertThat(out.one("pytest"))
        .isEqualTo(
            new Dependency(
                "pypi",
                "pytest",
                "8.2.2",
                "test",
                true,
                List.of("chat-api", "pytest==8.2.2"),
                "pyproject.toml",
                11));
    assertThat(out.one("starlette").line()).isEqualTo(5);
    assertThat(out.find("chat-api")).isEmpty();
  }

  @Test
  void poetryGroupsWithPoetryLock() {
    write(
        root,
        "pyproject.toml",
        """
        [tool.poetry]
        name = "chat-api"

        [tool.poetry.dependencies]
        python = "^3.11"
        fastapi = "^0.110"
        langchain-openai = { version = "^0.1.8", extras = [] }

        [tool.poetry.group.dev.dependencies]
        pytest = "^8.0"
        """);
    write(
        root,
        "poetry.lock",
        """
        [[package]]
        name = "fastapi"
        version = "0.111.0"

        [[package]]
        name = "langchain-core"
        version = "0.2.5"

        [package.dependencies]
        PyYAML = ">=5.3"

        [[package]]
        name = "langchain-openai"
        version = "0.1.8"

        [package.dependencies]
        langchain-core = ">=0.2.2,<0.3"
        openai = ">=1.26.0,<2.0.0"

        [[package]]
        name = "openai"
        version = "1.35.3"

        [[package]]
        name = "pytest"
        version = "8.2.2"

        [[package]]
        name = "pyyaml"
        version = "6.0.1"
        """);

    read("poetry.lock", "pyproject.toml");

    assertThat(out.warnings).isEmpty();
    assertThat(out.one("langchain-openai"))
        .isEqualTo(
            new Dependency(
                "pypi",
                "langchain-openai",
                "0.1.8",
                null,
                true,
                List.of("chat-api", "langchain-openai==0.1.8"),
                "pyproject.toml",
                7));
    assertThat(out.one("openai"))
        .isEqualTo(
            new Dependency(
                "pypi",
                "openai",
                "1.35.3",
                null,
                false,
                List.of("chat-api", "langchain-openai==0.1.8", "openai==1.35.3"),
                "pyproject.toml",
                7));
    assertThat(out.one("pyyaml").path())
        .containsExactly(
            "chat-api", "langchain-openai==0.1.8", "langchain-core==0.2.5", "pyyaml==6.0.1");
    assertThat(out.one("pytest"))
        .extracting(Dependency::scope, Dependency::line, Dependency::direct)
        .containsExactly("dev", 10, true);
    assertThat(out.find("python")).isEmpty();
  }

  @Test
  void pipfileWithPipfileLock() {
    write(
        root,
        "app/Pipfile",
        """
        [packages]
        fastapi = "*"
        langchain-openai = "==0.1.8"

        [dev-packages]
        pytest = ">=8"
        """);
    write(
        root,
        "app/Pipfile.lock",
        """
        {
            "_meta": {"hash": {"sha256": "x"}},
            "default": {
                "fastapi": {"version": "==0.111.0"},
                "langchain-core": {"version": "==0.2.5"},
                "langchain-openai": {"version": "==0.1.8"},
                "openai": {"version": "==1.35.3"}
            },
            "develop": {
                "pytest": {"version": "==8.2.2"}
            }
        }
        """);

    read("app/Pipfile", "app/Pipfile.lock");

    assertThat(out.warnings).isEmpty();
    assertThat(out.one("langchain-openai"))
        .isEqualTo(
            new Dependency(
                "pypi",
                "langchain-openai",
                "0.1.8",
                null,
                true,
                List.of("app", "langchain-openai==0.1.8"),
                "app/Pipfile",
                3));
    assertThat(out.one("pytest"))
        .extracting(Dependency::scope, Dependency::version)
        .containsExactly("dev", "8.2.2");
    assertThat(out.one("openai"))
        .isEqualTo(
            new Dependency(
                "pypi",
                "openai",
                "1.35.3",
                null,
                false,
                List.of("app", "openai==1.35.3"),
                "app/Pipfile.lock",
                7));
  }

  @Test
  void requirementsWithIncludesMarkersHashesExtrasAndUrls() {
    write(
        root,
        "requirements.txt",
        """
        # production
        -r requirements/base.txt
        -c constraints.txt
        --index-url https://pypi.org/simple
        openai==1.35.3 \\
            --hash=sha256:aaaa \\
            --hash=sha256:bbbb
        langchain-openai[azure]>=0.1 ; python_version < "3.13"  # chains
        tomli>=2; python_version < "3.11"
        -e git+https://github.com/acme/ai-utils.git@main#egg=ai-utils
        https://example.com/pkgs/tool-1.0.tar.gz#egg=tool
        Django>=4.2,<5
        """);
    write(
        root,
        "requirements/base.txt",
        """
        fastapi==0.111.0
        --requirement ../requirements-common.txt
        """);
    write(root, "requirements-common.txt", "pydantic>=2\n");
    write(root, "constraints.txt", "urllib3<2\n");

    read("requirements-common.txt", "requirements.txt", "requirements/base.txt");

    assertThat(out.warnings).isEmpty();
    assertThat(out.one("openai"))
        .isEqualTo(
            new Dependency(
                "pypi",
                "openai",
                "==1.35.3",
                null,
                true,
                List.of(root.getFileName().toString(), "openai==1.35.3"),
                "requirements.txt",
                5));
    assertThat(out.one("langchain-openai"))
        .extracting(Dependency::version, Dependency::line)
        .containsExactly(">=0.1", 8);
    assertThat(out.one("tomli").version()).isEqualTo(">=2");
    assertThat(out.one("tomli").path().get(1)).isEqualTo("tomli>=2");
    assertThat(out.one("ai-utils"))
        .extracting(Dependency::version, Dependency::line)
        .containsExactly(null, 10);
    assertThat(out.one("tool").line()).isEqualTo(11);
    assertThat(out.one("Django").version()).isEqualTo(">=4.2,<5");
    assertThat(out.one("fastapi"))
        .extracting(Dependency::manifest, Dependency::line)
        .containsExactly("requirements/base.txt", 1);
    assertThat(out.one("pydantic"))
        .extracting(Dependency::manifest, Dependency::line)
        .containsExactly("requirements-common.txt", 1);
    assertThat(out.find("urllib3")).isEmpty();
  }

  @Test
  void includeCycleAndMissingIncludeAreWarnings() {
    write(root, "requirements.txt", "-r requirements-dev.txt\n-r missing.txt\nopenai\n");
    write(root, "requirements-dev.txt", "-r requirements.txt\npytest\n");

    read("requirements-dev.txt", "requirements.txt");

    assertThat(out.warnings)
        .contains(
            "requirements-dev.txt:1 requirements include cycle back to requirements.txt",
            "requirements.txt:2 requirements include not found: missing.txt");
    assertThat(out.dependencies).extracting(Dependency::name).containsOnly("openai", "pytest");
    assertThat(out.dependencies).hasSize(2);
  }

  @Test
  void setupCfg() {
    write(
        root,
        "setup.cfg",
        """
        [metadata]
        name = tool

        [options]
        install_requires =
            openai>=1.0
            requests  # http

        [options.extras_require]
        azure = azure-identity>=1.15
        """);

    read("setup.cfg");

    assertThat(out.one("openai"))
        .extracting(Dependency::version, Dependency::line)
        .containsExactly(">=1.0", 6);
    assertThat(out.one("requests").line()).isEqualTo(7);
    assertThat(out.one("azure-identity"))
        .extracting(Dependency::scope, Dependency::line)
        .containsExactly("azure", 10);
  }

  @Test
  void uvDependencyGroups() {
    write(
        root,
        "pyproject.toml",
        """
        [project]
        name = "svc"
        dependencies = ["anthropic"]

        [dependency-groups]
        lint = ["ruff>=0.4"]

        [tool.uv]
        dev-dependencies = ["pytest"]
        """);

    read("pyproject.toml");

    assertThat(out.one("anthropic"))
        .extracting(Dependency::version, Dependency::line, Dependency::path)
        .containsExactly(null, 3, List.of("svc", "anthropic"));
    assertThat(out.one("ruff"))
        .extracting(Dependency::scope, Dependency::line)
        .containsExactly("lint", 6);
    assertThat(out.one("pytest"))
        .extracting(Dependency::scope, Dependency::line)
        .containsExactly("dev", 9);
  }

  @Test
  void malformedInputWarnsAndKeepsWhatWasDeclared() {
    write(root, "pyproject.toml", "[project\nname = \n");
    write(root, "svc/requirements.txt", "openai==1.0\n!!! not a requirement\n");
    write(root, "svc/poetry.lock", "[[package]\nname = ");

    read("pyproject.toml", "svc/poetry.lock", "svc/requirements.txt");

    assertThat(out.warnings).hasSize(3);
    assertThat(out.warnings)
        .anyMatch(w -> w.startsWith("pyproject.toml") && w.contains("malformed TOML"));
    assertThat(out.warnings)
        .anyMatch(w -> w.startsWith("svc/poetry.lock") && w.contains("malformed TOML"));
    assertThat(out.warnings)
        .contains("svc/requirements.txt:2 cannot read the requirement on this line");
    assertThat(out.warnings).noneMatch(w -> w.contains("!!!"));
    assertThat(out.one("openai"))
        .extracting(Dependency::version, Dependency::manifest)
        .containsExactly("==1.0", "svc/requirements.txt");
  }
}

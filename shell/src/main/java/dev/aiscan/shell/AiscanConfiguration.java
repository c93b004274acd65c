package dev.aiscan.shell;

import dev.aiscan.connectors.aws.AwsConnector;
import dev.aiscan.connectors.azure.AzureConnector;
import dev.aiscan.connectors.dependencies.DependencyConnector;
import dev.aiscan.connectors.saas.ai.AnthropicConnector;
import dev.aiscan.connectors.saas.ai.OpenAiConnector;
import dev.aiscan.connectors.saas.github.GithubConnector;
import dev.aiscan.connectors.saas.google.GoogleWorkspaceConnector;
import dev.aiscan.connectors.saas.m365.M365Connector;
import dev.aiscan.connectors.saas.slack.SlackConnector;
import dev.aiscan.connectors.source.SourceConnector;
import dev.aiscan.core.spi.Connector;
import dev.aiscan.graph.GraphOptions;
import dev.aiscan.shell.internal.GraphAccess;
import dev.aiscan.shell.internal.Version;
import java.util.List;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.shell.command.CommandExceptionResolver;
import org.springframework.shell.command.CommandHandlingResult;
import org.springframework.shell.jline.PromptProvider;

/** Wires the plain-Java modules into the shell. Spring lives here and nowhere else. */
@Configuration(proxyBeanMethods = false)
public class AiscanConfiguration {

  /** Every connector, in one explicit list sorted by id. */
  @Bean
  List<Connector> connectors() {
    return List.of(
        new AnthropicConnector(),
        new AwsConnector(),
        new AzureConnector(),
        new DependencyConnector(),
        new GithubConnector(),
        new GoogleWorkspaceConnector(),
        new M365Connector(),
        new OpenAiConnector(),
        new SlackConnector(),
        new SourceConnector());
  }

  /**
   * The graph, opened by each command that needs it; the interactive shell keeps it open. Closed
   * with the application.
   */
  @Bean(destroyMethod = "close")
  GraphAccess graphAccess() {
    return new GraphAccess(
        AiscanApplication.interactive(), System.getenv(), System.getProperty("user.home"));
  }

  /**
   * In the interactive shell, a greeting, and the default graph opened in the background so that
   * Neo4j Browser can connect while the analyst works. Runs before the shell reads its first line.
   */
  @Bean
  @Order(Ordered.HIGHEST_PRECEDENCE)
  ApplicationRunner interactiveGreeting(GraphAccess graphAccess) {
    return args -> {
      if (!AiscanApplication.interactive()) {
        return;
      }
      GraphOptions options =
          graphAccess.options(new GraphAccess.Flags("embedded", null, null, null, null));
      System.out.println(
          "aiscan "
              + Version.current()
              + ": 'help' lists the commands, TAB completes, 'exit' leaves.\n"
              + "Graph: "
              + options.storeDir()
              + ", open to Neo4j Browser at bolt://127.0.0.1:"
              + options.boltPort()
              + " while the shell runs (unless that port is taken).");
      // a failure is not shown here: the first command that needs the graph reports it
      graphAccess.openAsync(options).exceptionally(e -> null);
    };
  }

  /** The interactive prompt. */
  @Bean
  PromptProvider aiscanPrompt() {
    return () ->
        new AttributedString("aiscan:> ", AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN));
  }

  /**
   * Turns failures into one line on stderr and the exit codes of the command-line contract: 2 for
   * bad usage, configuration or targets; 3 when {@code --fail-on} is met; 1 for anything else,
   * which is a bug.
   */
  @Bean
  CommandExceptionResolver aiscanExceptionResolver() {
    return e -> {
      int code;
      if (e instanceof FailOnException) {
        code = 3;
      } else if (e instanceof UsageException || e instanceof dev.aiscan.core.ScanException) {
        code = 2;
      } else {
        return CommandHandlingResult.of("aiscan: internal error: " + e + "\n", 1);
      }
      // stdout carries the command's output; the one-line error goes to stderr.
      System.err.println("aiscan: " + e.getMessage());
      return CommandHandlingResult.of("", code);
    };
  }
}

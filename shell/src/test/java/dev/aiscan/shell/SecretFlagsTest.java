package dev.aiscan.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.shell.command.annotation.Command;
import org.springframework.shell.command.annotation.Option;

/**
 * No command takes a secret as a flag value: a token or password on the command line shows in the
 * process list and the shell history. Secrets come from the environment or from a file.
 */
class SecretFlagsTest {
  private static final Pattern SECRET =
      Pattern.compile("token|password|passwd|secret|api-?key|credential|webhook");

  @Test
  void everyOptionNamingASecretTakesAFileOrIsASwitch() {
    List<String> options = new ArrayList<>();
    List<String> offending = new ArrayList<>();
    for (JavaClass c :
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.aiscan.shell")) {
      for (Method m : c.reflect().getDeclaredMethods()) {
        if (!m.isAnnotationPresent(Command.class)) {
          continue;
        }
        for (Parameter p : m.getParameters()) {
          Option option = p.getAnnotation(Option.class);
          if (option == null) {
            continue;
          }
          List<String> names = new ArrayList<>(List.of(option.longNames()));
          if (names.isEmpty()) {
            names.add(p.getName());
          }
          for (String name : names) {
            options.add(name);
            boolean aSwitch = p.getType() == boolean.class || p.getType() == Boolean.class;
            if (SECRET.matcher(name).find() && !name.endsWith("-file") && !aSwitch) {
              offending.add(c.getSimpleName() + "." + m.getName() + " --" + name);
            }
          }
        }
      }
    }
    // the commands were found: the scan's own options are among them
    assertThat(options).contains("source", "slack-token-file", "neo4j-password-file");
    assertThat(offending).isEmpty();
  }
}

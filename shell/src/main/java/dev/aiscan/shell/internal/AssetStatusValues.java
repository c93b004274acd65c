package dev.aiscan.shell.internal;

import dev.aiscan.core.model.AssetStatus;
import java.util.Arrays;
import java.util.List;
import org.springframework.shell.CompletionContext;
import org.springframework.shell.CompletionProposal;
import org.springframework.shell.completion.CompletionProvider;
import org.springframework.stereotype.Component;

/**
 * Tab completion of {@code --status} in the interactive shell: the four asset statuses. Commands
 * name it with {@code @OptionValues(provider = AssetStatusValues.BEAN)}.
 */
@Component(AssetStatusValues.BEAN)
public class AssetStatusValues implements CompletionProvider {
  /** The bean name {@code @OptionValues} refers to. */
  public static final String BEAN = "assetStatusValues";

  @Override
  public List<CompletionProposal> apply(CompletionContext context) {
    return Arrays.stream(AssetStatus.values())
        .map(s -> new CompletionProposal(s.wireName()))
        .toList();
  }
}

package dev.aiscan.connectors.saas.google;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiscan.connectors.saas.TenantScan;
import dev.aiscan.core.model.Target;
import dev.aiscan.core.spi.CollectContext;
import dev.aiscan.core.spi.Connector;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one Google Workspace customer through the Admin SDK Directory API: every active user's
 * OAuth grants to third-party apps ({@code tokens.list}), aggregated per app into one {@code
 * saas-app} fact with its client id, the scopes granted, how many users granted it and a few of
 * them, for the catalogue's AI SaaS apps to match. This is the AI that signs in with a work Google
 * account and reads mail, Drive or Calendar without leaving a trace in code or cloud accounts.
 */
public final class GoogleWorkspaceConnector implements Connector {
  public static final String KIND = "google-workspace";

  /** Attribute of a SaaS app: the OAuth scopes users granted it, comma separated, sorted. */
  public static final String SCOPES = "scopes";

  /** Attribute of a SaaS app: how many users granted it a token. */
  public static final String USERS = "users";

  /** Attribute of a SaaS app: the first users (by email) who granted it, comma separated. */
  public static final String GRANTED_BY = "granted-by";

  /** Attribute of a SaaS app: {@code true} when its client id is not registered with Google. */
  public static final String ANONYMOUS = "anonymous";

  /** Attribute of a SaaS app: {@code true} when it is installed on a desktop or phone. */
  public static final String NATIVE_APP = "native-app";

  @Override
  public String id() {
    return KIND;
  }

  @Override
  public boolean accepts(Target target) {
    return target.kind().equals(KIND);
  }

  @Override
  public void collect(Target target, CollectContext context) {
    GoogleWorkspaceSettings settings = GoogleWorkspaceSettings.from(context.settings());
    GoogleWorkspaceApi api = new GoogleWorkspaceApi(settings);
    TenantScan scan = new TenantScan(target, context, KIND);
    String customer = target.location();
    List<JsonNode> users =
        scan.call("users.list", GoogleWorkspaceApi.USERS_SCOPE, () -> api.users(customer));
    boolean complete = users != null;
    if (users != null) {
      GrantedApps apps = new GrantedApps();
      complete =
          new TokenSweep(api, scan, context, settings.parallelism()).run(active(users), apps);
      apps.emit(scan, KIND + ":" + customer);
    }
    if (!complete || scan.failed()) {
      context.incomplete();
    }
  }

  /** The emails of users who are not suspended: a suspended user's grants are not in use. */
  static List<String> active(List<JsonNode> users) {
    List<String> emails = new ArrayList<>();
    for (JsonNode u : users) {
      String email = u.path("primaryEmail").asText("").strip();
      if (!email.isEmpty() && !u.path("suspended").asBoolean(false)) {
        emails.add(email);
      }
    }
    return emails;
  }
}

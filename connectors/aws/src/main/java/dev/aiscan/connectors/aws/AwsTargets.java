package dev.aiscan.connectors.aws;

import dev.aiscan.core.InvalidTargetException;
import dev.aiscan.core.model.Target;
import dev.aiscan.core.spi.Settings;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.Account;
import software.amazon.awssdk.services.organizations.model.AccountStatus;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/**
 * The AWS accounts a scan reads, as targets: the account of the credentials, the account of each
 * role of {@code --aws-role-arn} (comma separated), or every active account of an AWS Organization
 * with {@code --aws-org-role NAME} (the role of that name is assumed in each member account).
 * Checks the credentials before the scan starts, so a bad profile or a role that cannot be assumed
 * is one clear error, not a scan of nothing.
 */
public final class AwsTargets {
  private AwsTargets() {}

  public static List<Target> resolve(Settings settings) {
    return resolve(settings, List.of());
  }

  static List<Target> resolve(Settings raw, List<ExecutionInterceptor> interceptors) {
    AwsSettings settings = AwsSettings.from(raw);
    try (AwsClients clients = new AwsClients(settings, interceptors)) {
      if (!settings.roleArns().isEmpty()) {
        List<Target> targets = new ArrayList<>();
        for (String arn : settings.roleArns()) {
          identity(clients, clients.assume(arn), "--aws-role-arn " + arn);
          String account = AwsSettings.accountOf(arn);
          targets.add(target(account, account, arn));
        }
        return targets;
      }
      GetCallerIdentityResponse me =
          identity(clients, clients.baseCredentials(), credentialsLabel(settings));
      if (settings.orgRole() == null) {
        return List.of(target(me.account(), me.account(), me.account()));
      }
      return organization(settings, clients, me.account());
    }
  }

  private static List<Target> organization(
      AwsSettings settings, AwsClients clients, String caller) {
    List<Target> targets = new ArrayList<>();
    try {
      OrganizationsClient org =
          clients.client(
              "organizations",
              "us-east-1",
              clients.baseCredentials(),
              OrganizationsClient.builder());
      for (Account a :
          org.listAccountsPaginator(q -> {}).stream()
              .flatMap(p -> p.accounts().stream())
              .toList()) {
        if (a.status() != null && a.status() != AccountStatus.ACTIVE) {
          continue;
        }
        String location =
            a.id().equals(caller)
                ? caller
                : "arn:aws:iam::" + a.id() + ":role/" + settings.orgRole();
        targets.add(target(a.id(), a.name() == null ? a.id() : a.name(), location));
      }
    } catch (SdkException e) {
      throw new InvalidTargetException(
          "--aws-org-role: could not list the organization's accounts: "
              + AwsErrors.describe(
                      e, "organizations:ListAccounts", "us-east-1", settings.timeout().toSeconds())
                  .message());
    }
    return targets;
  }

  private static Target target(String account, String name, String location) {
    return new Target("aws:" + account, AwsConnector.KIND, name, location);
  }

  private static GetCallerIdentityResponse identity(
      AwsClients clients, AwsCredentialsProvider credentials, String what) {
    try {
      return clients
          .client("sts", "us-east-1", credentials, StsClient.builder())
          .getCallerIdentity();
    } catch (SdkException e) {
      String message = AwsErrors.oneLine(e.getMessage(), 400);
      if (message.contains("Profile file contained no credentials for profile")) {
        throw new InvalidTargetException(
            what
                + ": no such profile with credentials in ~/.aws/config or ~/.aws/credentials"
                + " (or AWS_CONFIG_FILE, AWS_SHARED_CREDENTIALS_FILE)");
      }
      if (message.contains("Unable to load credentials")) {
        throw new InvalidTargetException(
            what
                + ": no AWS credentials found (environment, profile, SSO, container or instance"
                + " role); use --aws-profile or set AWS_PROFILE");
      }
      throw new InvalidTargetException(
          what + ": " + AwsErrors.describe(e, "sts:GetCallerIdentity", "us-east-1", 30).message());
    }
  }

  private static String credentialsLabel(AwsSettings settings) {
    return settings.profile() == null ? "AWS credentials" : "--aws-profile " + settings.profile();
  }
}

package dev.preflight.run;

import dev.preflight.common.Display;
import dev.preflight.common.InputException;
import dev.preflight.common.IpAddress;
import dev.preflight.policy.ConfigRoot;
import dev.preflight.policy.PolicyEvaluator;
import dev.preflight.policy.allowlist.AllowlistEvaluator;
import dev.preflight.policy.pac.PacEngine;
import dev.preflight.policy.pac.PacEnvironment;
import dev.preflight.policy.pac.PacEvaluator;
import dev.preflight.policy.pac.PacResolver;
import dev.preflight.policy.squid.SquidEvaluator;
import dev.preflight.probe.net.Resolver;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Builds the evaluators {@code analyze} runs from its options: a PAC script (file or URL) with the
 * chosen DNS mode, an allowlist, a Squid configuration. The only network use is what the user asks
 * for: downloading a PAC URL, and DNS for {@code --resolve system}, through the probe layer's
 * bounded resolver.
 */
public final class AnalyzePolicies {
  /** The deadline for a PAC download and, with {@code --resolve system}, for all its lookups. */
  public static final Duration NETWORK_BUDGET = Duration.ofSeconds(5);

  private AnalyzePolicies() {}

  /**
   * The PAC evaluator for {@code fileOrUrl}.
   *
   * @param resolve {@code offline}, {@code hosts:FILE} or {@code system}
   * @param clientIp what {@code myIpAddress()} returns, or null for the default
   */
  public static PolicyEvaluator pac(String fileOrUrl, String resolve, @Nullable String clientIp) {
    PacEnvironment environment = PacEnvironment.defaults().withResolver(resolver(resolve));
    if (clientIp != null) {
      environment = environment.withClientIp(clientIp);
    }
    return new PacEvaluator(
        PacEngine.load(PacFetcher.script(fileOrUrl, NETWORK_BUDGET), environment));
  }

  public static PolicyEvaluator allowlist(Path file) {
    return AllowlistEvaluator.load(file);
  }

  /**
   * The Squid evaluator for {@code file} and what it includes.
   *
   * @param configRoot the {@code --config-root} directory absolute paths resolve under, or null
   */
  public static PolicyEvaluator squid(
      Path file, @Nullable String clientIp, @Nullable Path configRoot) {
    Optional<IpAddress> client = clientIp == null ? Optional.empty() : clientAddress(clientIp);
    return SquidEvaluator.load(file, client, configRoot(configRoot));
  }

  /** Checks {@code --config-root}: an existing directory, or none. */
  public static ConfigRoot configRoot(@Nullable Path dir) {
    return dir == null ? ConfigRoot.none() : ConfigRoot.at(dir);
  }

  /** Checks {@code --client-ip}: a literal IPv4 or IPv6 address. */
  public static Optional<IpAddress> clientAddress(String text) {
    Optional<IpAddress> address = IpAddress.tryParse(text.strip());
    if (address.isEmpty()) {
      throw new InputException(
          "--client-ip", "'" + Display.line(text, 100) + "' is not an IPv4 or IPv6 address");
    }
    return address;
  }

  /** Checks {@code --resolve} and builds the PAC resolver it names. */
  public static PacResolver resolver(String mode) {
    // Reading the system resolver's configuration sends nothing; lookups happen only in system
    // mode, all within one budget.
    PacDnsBudget budget = new PacDnsBudget(Resolver.system(null), NETWORK_BUDGET);
    return PacResolver.parse(mode, budget::lookup);
  }
}

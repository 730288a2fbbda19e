package dev.preflight.verdict;

import dev.preflight.catalog.Impact;
import dev.preflight.probe.Cause;
import org.jspecify.annotations.Nullable;

/**
 * What one judged endpoint does to an Autopilot deployment, as the verdict it alone would give. The
 * run's verdict is the worst of these and of its warnings ({@link Judge#verdictOf}). Each rule
 * carries its reason, read against the seed page ("Windows Autopilot networking requirements"),
 * which marks the services Autopilot can do without by "the Autopilot process still continues"; the
 * first rule that applies decides.
 */
public final class Consequences {
  private Consequences() {}

  /** The verdict {@code result} alone gives. */
  public static Verdict of(EndpointResult result) {
    return switch (result.status()) {
      // Not needed by the scenario, or not used on this network: nothing is missing.
      case PASS, SKIP -> Verdict.READY;
      case WARN -> warned(result.cause());
      case FAIL -> failed(result.cause(), result.endpoint().impact());
    };
  }

  /** True when {@code result} alone makes the deployment fail. */
  public static boolean blocks(EndpointResult result) {
    return of(result) == Verdict.BLOCKED;
  }

  /**
   * True for the one warning of {@link Cause#PROXY_UPSTREAM_FAILED} the probes give: an IPv6-only
   * name the proxy could not reach, as a proxy without an IPv6 route cannot.
   */
  public static boolean ipv6OnlyNameBehindProxy(Status status, @Nullable Cause cause) {
    return status == Status.WARN && cause == Cause.PROXY_UPSTREAM_FAILED;
  }

  private static Verdict warned(Cause cause) {
    if (ipv6OnlyNameBehindProxy(Status.WARN, cause)) {
      // The device reaches the internet through that proxy, so it does not use IPv6-only names
      // either, as on a network without IPv6, where the same name is not applicable (SKIP).
      return Verdict.READY;
    }
    // The endpoint works, with a flaw (IPv4 works but IPv6 does not): Windows falls back and the
    // process continues, but the network team has something to fix.
    return Verdict.DEGRADED;
  }

  private static Verdict failed(Cause cause, Impact impact) {
    if (cause == Cause.CLOCK_SKEW) {
      // A wrong clock fails Kerberos and every certificate and token validity check, whichever
      // entry measured it; the seed page gives no way around it.
      return Verdict.BLOCKED;
    }
    // The catalog's impact follows the seed page: DEGRADED exactly where it says "the Autopilot
    // process still continues" (or the entry's note explains why Autopilot finishes anyway);
    // every other service is one the deployment cannot finish without.
    return impact == Impact.BLOCKING ? Verdict.BLOCKED : Verdict.DEGRADED;
  }
}

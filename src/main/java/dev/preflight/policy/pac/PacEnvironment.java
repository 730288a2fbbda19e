package dev.preflight.policy.pac;

import dev.preflight.common.Display;
import dev.preflight.common.InputException;
import dev.preflight.common.IpAddress;
import java.time.Clock;
import java.util.Objects;

/**
 * What a PAC script sees of the world: how names resolve, the client's own address, the clock the
 * time helpers read, and the sandbox budgets.
 *
 * @param resolver answers DNS helpers; {@link PacResolver#offline()} by default
 * @param clientIp what {@code myIpAddressEx()} returns, in canonical form; {@code myIpAddress()}
 *     returns it when it is IPv4 and {@code 127.0.0.1} otherwise (the classic helper knows only
 *     IPv4). {@code 127.0.0.1} by default, as a client without a usable interface reports
 * @param clock read by {@code weekdayRange}, {@code dateRange} and {@code timeRange}; its zone is
 *     the "local" time zone of those helpers
 * @param limits the sandbox budgets
 */
public record PacEnvironment(PacResolver resolver, String clientIp, Clock clock, PacLimits limits) {

  /** The address {@code myIpAddress()} returns when no client address is given. */
  public static final String DEFAULT_CLIENT_IP = "127.0.0.1";

  public PacEnvironment {
    Objects.requireNonNull(resolver, "resolver");
    Objects.requireNonNull(clientIp, "clientIp");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(limits, "limits");
    String given = clientIp;
    clientIp =
        IpAddress.tryParse(given)
            .map(IpAddress::text)
            .orElseThrow(
                () ->
                    new InputException(
                        "--client-ip",
                        "'" + Display.line(given, 100) + "' is not an IPv4 or IPv6 address"));
  }

  /** Offline resolution, client 127.0.0.1, the system clock and default budgets. */
  public static PacEnvironment defaults() {
    return new PacEnvironment(
        PacResolver.offline(), DEFAULT_CLIENT_IP, Clock.systemDefaultZone(), PacLimits.DEFAULT);
  }

  public PacEnvironment withResolver(PacResolver newResolver) {
    return new PacEnvironment(newResolver, clientIp, clock, limits);
  }

  /**
   * With {@code ip} as the client address.
   *
   * @throws InputException naming {@code --client-ip} when {@code ip} is not an address literal
   */
  public PacEnvironment withClientIp(String ip) {
    return new PacEnvironment(resolver, ip, clock, limits);
  }

  public PacEnvironment withClock(Clock newClock) {
    return new PacEnvironment(resolver, clientIp, newClock, limits);
  }

  public PacEnvironment withLimits(PacLimits newLimits) {
    return new PacEnvironment(resolver, clientIp, clock, newLimits);
  }
}

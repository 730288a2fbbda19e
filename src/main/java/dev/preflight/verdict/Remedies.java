package dev.preflight.verdict;

import dev.preflight.catalog.Endpoint;
import dev.preflight.probe.Cause;
import dev.preflight.probe.Route;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** The default one-sentence remedy for each cause, naming the rule a network team must change. */
public final class Remedies {
  private Remedies() {}

  /**
   * The remedy for a live probe's finding, refined with what the probe saw: the inspecting or
   * filtering product by name, the proxy the request went through. Falls back to {@link #forCause}
   * where nothing more specific is known.
   *
   * @param route the route the probe took
   * @param product the product the probe recognised ({@link dev.preflight.probe.Fact#PRODUCT}), or
   *     null
   */
  public static String forProbe(
      Cause cause, Endpoint endpoint, Route route, @Nullable String product) {
    String proxy = route.isDirect() ? null : route.host() + ":" + route.port();
    return switch (cause) {
      case TLS_INTERCEPTED -> intercepted(endpoint, product);
      case PROXY_UNREACHABLE ->
          proxy == null
              ? forCause(cause, endpoint)
              : "Make the proxy " + proxy + " reachable from this network or correct its address.";
      case PROXY_UPSTREAM_FAILED ->
          proxy == null
              ? forCause(cause, endpoint)
              : "Let the proxy "
                  + proxy
                  + named(product)
                  + " reach "
                  + endpoint.pattern()
                  + " itself: check its DNS servers, the firewall between it and the internet,"
                  + " and any parent proxy it forwards to.";
      case HTTP_PROXY_AUTH_REQUIRED ->
          proxy == null
              ? forCause(cause, endpoint)
              : "Let "
                  + endpoint.pattern()
                  + " through the proxy "
                  + proxy
                  + " without authentication: devices in OOBE have no credentials.";
      case HTTP_BLOCKED ->
          "Allow "
              + endpoint.pattern()
              + " on "
              + (proxy == null ? "the firewall" : proxy)
              + named(product)
              + ".";
      case DC_NOT_FOUND ->
          "Make the DNS servers the devices use answer "
              + endpoint.host()
              + " with the domain controllers' SRV records (check --domain and the DNS"
              + " forwarding to Active Directory).";
      case DC_UNREACHABLE ->
          "Allow "
              + endpoint.protocol().id().toUpperCase(java.util.Locale.ROOT)
              + " (TCP "
              + endpoint.port()
              + ") from the provisioning network to the domain controller "
              + endpoint.host()
              + ".";
      default -> forCause(cause, endpoint);
    };
  }

  /**
   * The remedy for a clock beyond {@code maxSkew}; when NTP did not answer either, opening it to
   * {@code endpoint} is part of the fix.
   */
  public static String clockSkew(Endpoint endpoint, Duration maxSkew, boolean ntpAnswered) {
    String sync =
        "Synchronise this machine and the network's clocks with time.windows.com; Kerberos and"
            + " token validation fail beyond "
            + Durations.human(maxSkew)
            + " of skew";
    return ntpAnswered
        ? sync + "."
        : sync + ", and allow outbound UDP 123 to " + endpoint.host() + " (NTP).";
  }

  /**
   * The remedy for an IPv6-only name the proxy could not reach: nothing Autopilot needs; only for
   * devices to reach IPv6-only names through it does the proxy need an IPv6 route.
   */
  public static String ipv6OnlyNameBehindProxy(Route route) {
    String proxy =
        route.isDirect() ? "the proxy" : "the proxy " + route.host() + ":" + route.port();
    return "Nothing to change for Autopilot; only for devices to reach IPv6-only names through "
        + proxy
        + " does it need an IPv6 route.";
  }

  private static String named(@Nullable String product) {
    return product == null ? "" : " (" + product + ")";
  }

  private static String intercepted(Endpoint endpoint, @Nullable String product) {
    String where = product == null ? "on the proxy" : "on the " + product + " inspection policy";
    String why =
        endpoint.inspectionUnsupported()
            ? "; Microsoft does not support inspecting it."
            : " (bypass or splice it).";
    return "Exempt " + endpoint.pattern() + " from TLS inspection " + where + why;
  }

  public static String forCause(Cause cause, Endpoint endpoint) {
    String rule = endpoint.pattern();
    String port = endpoint.protocol().transport() + " " + endpoint.port();
    return switch (cause) {
      case DNS_NXDOMAIN, DNS_NO_ANSWER ->
          "Make the DNS servers handed out by DHCP resolve public names such as "
              + endpoint.host()
              + " (check split-horizon zones and DNS filtering).";
      case DNS_SERVFAIL ->
          "Check that the DNS server can recurse to the internet and is not refusing " + rule + ".";
      case DNS_TIMEOUT ->
          "Make sure the DNS server answers on port 53 and can reach upstream resolvers.";
      case DNS_SINKHOLE -> "Remove " + rule + " from the DNS filtering or sinkhole list.";
      case TCP_REFUSED, TCP_TIMEOUT, TCP_UNREACHABLE ->
          "Allow outbound " + port + " to " + rule + " on the firewall and check routing.";
      case TLS_INTERCEPTED, POLICY_INSPECTED ->
          "Exempt " + rule + " from TLS inspection (bypass or splice it on the proxy or firewall).";
      case TLS_UNTRUSTED ->
          "Make sure nothing between the device and "
              + endpoint.host()
              + " replaces its certificate; if this is a lab, pass its root with --ca-file.";
      case TLS_HOSTNAME_MISMATCH ->
          "Find the device answering for "
              + endpoint.host()
              + " (a DNS override, transparent proxy or captive portal) and remove it.";
      case TLS_EXPIRED ->
          "Check this machine's clock and whether a middlebox serves an old certificate for "
              + endpoint.host()
              + ".";
      case TLS_HANDSHAKE_FAILED, TLS_TIMEOUT ->
          "Allow TLS to " + rule + " without protocol filtering or inspection.";
      case HTTP_PROXY_AUTH_REQUIRED, POLICY_AUTH_REQUIRED ->
          "Let "
              + rule
              + " through the proxy without authentication: devices in OOBE have no"
              + " credentials.";
      case HTTP_BLOCKED, POLICY_DENIED, POLICY_NOT_LISTED ->
          "Allow " + rule + " (" + port + ") on the proxy or firewall.";
      case HTTP_CAPTIVE_PORTAL ->
          "Let http://www.msftconnecttest.com/connecttest.txt through unmodified, without a"
              + " captive portal or login page.";
      case HTTP_TIMEOUT ->
          "Check that the proxy or firewall forwards requests to " + rule + " and returns answers.";
      case HTTP_UNEXPECTED_STATUS ->
          "Check that "
              + endpoint.host()
              + " resolves to Microsoft's service and not to an internal server.";
      case PROXY_UNREACHABLE ->
          "Fix the proxy address or make the proxy reachable from the provisioning network.";
      case PROXY_UPSTREAM_FAILED ->
          "Check the proxy's own outbound path to "
              + rule
              + ": its DNS servers, the firewall between it and the internet, and any parent"
              + " proxy.";
      case NTP_TIMEOUT -> "Allow outbound UDP 123 to " + endpoint.host() + " (NTP).";
      case NTP_BAD_RESPONSE ->
          "Make sure UDP 123 reaches a synchronised time server and is not answered by a filter.";
      case CLOCK_SKEW ->
          "Synchronise this network's clocks with time.windows.com; Kerberos and token"
              + " validation fail beyond five minutes of skew.";
      case DC_NOT_FOUND ->
          "Publish the _ldap._tcp.dc._msdcs SRV records for the domain in the DNS the devices"
              + " use.";
      case DC_UNREACHABLE ->
          "Allow LDAP (389) and Kerberos (88) from the provisioning network to the domain"
              + " controllers.";
      case DNS_CNAME_MISMATCH ->
          "Point "
              + endpoint.host()
              + " at the Microsoft service it is an alias for, or delete it.";
    };
  }
}

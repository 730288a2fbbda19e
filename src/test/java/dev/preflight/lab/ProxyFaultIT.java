package dev.preflight.lab;

import static dev.preflight.lab.Lab.BLOCKING_HOST;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * preflight goes through the lab's squid, which demands authentication, inspects, denies, or cannot
 * reach or resolve the destination itself.
 */
@Tag("lab")
@ExtendWith(LabExtension.class)
@Timeout(300)
class ProxyFaultIT {
  private final Lab lab;
  private final Preflight preflight;

  ProxyFaultIT(Lab lab) {
    this.lab = lab;
    this.preflight = new Preflight(lab);
  }

  @Test
  void proxyDemandingCredentialsIsProxyAuthRequired() {
    lab.fault("proxy-auth");

    preflight
        .check("--proxy", Lab.PROXY)
        .assertFails(BLOCKING_HOST, "https", "HTTP_PROXY_AUTH_REQUIRED")
        .assertFails(Lab.NCSI_HOST, "http", "HTTP_PROXY_AUTH_REQUIRED")
        .assertVerdict("BLOCKED", 2);
  }

  @Test
  void sslBumpIsTlsIntercepted() {
    lab.fault("proxy-bump");

    CheckRun run =
        preflight
            .check("--proxy", Lab.PROXY)
            .assertFails(BLOCKING_HOST, "https", "TLS_INTERCEPTED")
            .assertVerdict("BLOCKED", 2);

    assertThat(run.endpoints(BLOCKING_HOST, "https").get(0).path("tls").path("issuer").asText())
        .contains("Contoso TLS Inspection CA");
  }

  @Test
  void deniedHostIsHttpBlocked() {
    lab.fault("proxy-deny", BLOCKING_HOST);

    preflight
        .check("--proxy", Lab.PROXY)
        .assertFails(BLOCKING_HOST, "https", "HTTP_BLOCKED")
        .assertOthersPass(BLOCKING_HOST)
        .assertVerdict("BLOCKED", 2);
  }

  @Test
  void destinationTheProxyCannotConnectToIsProxyUpstreamFailed() {
    // squid resolves the host to an address that refuses the connection: ERR_CONNECT_FAIL.
    lab.fault("tcp-reset", BLOCKING_HOST);

    CheckRun run =
        preflight
            .check("--proxy", Lab.PROXY)
            .assertFails(BLOCKING_HOST, "https", "PROXY_UPSTREAM_FAILED")
            .assertOthersPass(BLOCKING_HOST)
            .assertVerdict("BLOCKED", 2);

    JsonNode endpoint = run.endpoints(BLOCKING_HOST, "https").get(0);
    assertThat(endpoint.path("detail").asText()).contains("ERR_CONNECT_FAIL");
    assertThat(endpoint.path("remedy").asText()).contains("198.19.0.8:3128", "DNS servers");
  }

  @Test
  void destinationTheProxyCannotResolveIsProxyUpstreamFailed() {
    lab.fault("dns-nxdomain", BLOCKING_HOST);

    preflight
        .check("--proxy", Lab.PROXY)
        .assertFails(BLOCKING_HOST, "https", "PROXY_UPSTREAM_FAILED")
        .assertOthersPass(BLOCKING_HOST)
        .assertVerdict("BLOCKED", 2);
  }

  @Test
  void ipv6OnlyNcsiNameThroughTheProxyWarnsAndTheNetworkIsReady() {
    // The lab has no IPv6 anywhere, so squid cannot reach a name that has only an AAAA record;
    // direct, the same name is not applicable on this network (SKIP).
    lab.fault("ipv6-only", Lab.NCSI_IPV6_HOST);

    preflight
        .check("--proxy", Lab.PROXY)
        .assertWarns(Lab.NCSI_IPV6_HOST, "http", "PROXY_UPSTREAM_FAILED")
        .assertOthersPass(Lab.NCSI_IPV6_HOST)
        .assertVerdict("READY", 0);
  }
}

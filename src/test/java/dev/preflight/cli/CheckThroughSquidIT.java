package dev.preflight.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.preflight.testing.HttpTestServer;
import dev.preflight.testing.SquidProxy;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code preflight check --proxy} through a real Squid on loopback: an allowed HTTPS endpoint
 * tunnels to its origin, an ACL-denied one is HTTP_BLOCKED, and the authenticating port makes every
 * HTTPS endpoint HTTP_PROXY_AUTH_REQUIRED, each with the route it took.
 */
@Timeout(180)
class CheckThroughSquidIT {
  private static final String HOST = "portal.lab.test";
  private static SquidProxy squid;

  @TempDir Path dir;
  private LoopbackLab lab;
  private HttpTestServer origin;

  @BeforeAll
  static void startSquid() throws Exception {
    squid = SquidProxy.start(HOST);
  }

  @AfterAll
  static void stopSquid() {
    squid.close();
  }

  @BeforeEach
  void start() {
    lab = new LoopbackLab(dir);
    origin =
        lab.add(HttpTestServer.tls(LoopbackLab.ROOT.leaf(HOST), HttpTestServer.answer(404, "")));
    lab.entry("lab-allowed", HOST, "https", origin.port(), "BLOCKING")
        .entry("lab-denied", SquidProxy.BLOCKED_DOMAIN, "https", 443, "DEGRADED");
  }

  @AfterEach
  void stop() {
    lab.close();
  }

  @Test
  void squidTunnelsTheAllowedEndpointAndDeniesTheBlockedOne() throws IOException {
    String proxy = "127.0.0.1:" + squid.openPort();
    LoopbackLab.Run run = lab.check("--format", "json", "--timeout", "3s", "--proxy", proxy);

    JsonNode report = run.json();
    JsonNode allowed = LoopbackLab.endpoint(report, "lab-allowed");
    assertThat(allowed.get("status").asText()).as(allowed.toString()).isEqualTo("PASS");
    assertThat(allowed.get("route").asText()).isEqualTo("PROXY " + proxy);
    assertThat(allowed.get("tls").get("root").asText()).contains("Preflight Lab Root");
    JsonNode denied = LoopbackLab.endpoint(report, "lab-denied");
    assertThat(denied.get("cause").asText()).isEqualTo("HTTP_BLOCKED");
    assertThat(denied.get("remedy").asText()).contains(SquidProxy.BLOCKED_DOMAIN, proxy);
    assertThat(origin.requests()).hasSize(1);
  }

  @Test
  void squidDemandingAuthenticationFailsTheEndpointWithoutCredentialsSent() throws IOException {
    String proxy = "127.0.0.1:" + squid.authPort();
    LoopbackLab.Run run = lab.check("--format", "json", "--timeout", "3s", "--proxy", proxy);

    assertThat(run.code()).isEqualTo(2);
    JsonNode allowed = LoopbackLab.endpoint(run.json(), "lab-allowed");
    assertThat(allowed.get("cause").asText()).isEqualTo("HTTP_PROXY_AUTH_REQUIRED");
    assertThat(allowed.get("remedy").asText()).contains(proxy, "without authentication");
    assertThat(origin.requests()).isEmpty();
  }
}

package dev.preflight.lab;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A plain {@code preflight check} (no proxy option) takes the routes an OOBE device takes: the
 * lab's DNS suffix is corp.example, and with the wpad fault on, wpad.corp.example serves a script
 * that sends Microsoft's hosts through squid and everything else directly.
 */
@Tag("lab")
@Timeout(300)
@ExtendWith(LabExtension.class)
class WpadIT {
  private static final String WPAD_URL = "http://wpad.corp.example/wpad.dat";
  private static final String SQUID = "PROXY proxy.corp.example:3128";

  private final Lab lab;
  private final Preflight preflight;

  WpadIT(Lab lab) {
    this.lab = lab;
    this.preflight = new Preflight(lab);
  }

  /**
   * The endpoints probed over HTTP or HTTPS (zone checks, though https entries, are DNS probes).
   */
  private static List<JsonNode> web(CheckRun run) {
    return run.endpoints().stream()
        .filter(e -> e.path("target").asText().startsWith("http"))
        .toList();
  }

  private static boolean microsoft(JsonNode endpoint) {
    String host = endpoint.path("host").asText();
    return host.equals("microsoft.com") || host.endsWith(".microsoft.com");
  }

  private static JsonNode source(CheckRun run) {
    return run.report().path("environment").path("proxyDiscovery");
  }

  @Test
  void theDiscoveredScriptDecidesEachRoute() {
    lab.fault("wpad", "proxy");

    CheckRun run = preflight.check().assertVerdict("READY", 0);

    assertThat(source(run).path("source").asText()).isEqualTo("device");
    assertThat(source(run).path("pac").asText()).isEqualTo(WPAD_URL);
    assertThat(source(run).path("found").asText())
        .isEqualTo("WPAD " + WPAD_URL + " via DNS suffix corp.example");
    assertThat(run.report().path("environment").path("proxy").asText())
        .isEqualTo("PAC " + WPAD_URL);
    List<JsonNode> web = web(run);
    assertThat(web).anyMatch(WpadIT::microsoft).anyMatch(e -> !microsoft(e));
    for (JsonNode endpoint : web) {
      assertThat(endpoint.path("route").asText())
          .as("route of %s", endpoint.path("host").asText())
          .isEqualTo(microsoft(endpoint) ? SQUID : "DIRECT");
    }
    long proxied = web.stream().filter(WpadIT::microsoft).count();
    assertThat(source(run).path("routes"))
        .anySatisfy(
            count -> {
              assertThat(count.path("route").asText()).isEqualTo(SQUID);
              assertThat(count.path("endpoints").asLong()).isEqualTo(proxied);
            });
  }

  @Test
  void proxyFaultsShowOnExactlyTheProxiedEndpoints() {
    lab.fault("wpad", "proxy");
    lab.fault("proxy-auth");

    CheckRun run = preflight.check().assertVerdict("BLOCKED", 2);

    for (JsonNode endpoint : web(run)) {
      boolean proxied = endpoint.path("route").asText().equals(SQUID);
      assertThat(proxied)
          .as("route of %s", endpoint.path("host").asText())
          .isEqualTo(microsoft(endpoint));
      assertThat(endpoint.path("cause").textValue())
          .as("cause of %s via %s", endpoint.path("host").asText(), endpoint.path("route").asText())
          .isEqualTo(proxied ? "HTTP_PROXY_AUTH_REQUIRED" : null);
    }
  }

  @Test
  void withoutWpadTheCheckGoesDirectAndSaysItLooked() {
    CheckRun run = preflight.check().assertVerdict("READY", 0);

    assertThat(source(run).path("found").asText())
        .isEqualTo("no WPAD found (looked for " + WPAD_URL + "), so direct");
    assertThat(source(run).path("wpadCandidates").get(0).asText()).isEqualTo(WPAD_URL);
    assertThat(source(run).path("pac").isNull()).isTrue();
    assertThat(web(run)).allMatch(e -> e.path("route").asText().equals("DIRECT"));
    assertThat(run.warnings()).isEmpty();
  }

  @Test
  void aBrokenScriptIsAWarningAndTheRunGoesDirect() {
    lab.fault("wpad", "broken");

    CheckRun run = preflight.check().assertVerdict("DEGRADED", 1).assertOthersPass();

    assertThat(web(run)).allMatch(e -> e.path("route").asText().equals("DIRECT"));
    assertThat(run.warnings())
        .singleElement()
        .asString()
        .contains(
            "WPAD found " + WPAD_URL,
            "does not load",
            "wpad.dat:2",
            "go out directly",
            "fix the script");
  }

  @Test
  void aScriptThatLoopsIsAWarningAndTheRunGoesDirect() {
    lab.fault("wpad", "loop");

    CheckRun run = preflight.check().assertVerdict("DEGRADED", 1).assertOthersPass();

    assertThat(web(run)).allMatch(e -> e.path("route").asText().equals("DIRECT"));
    assertThat(run.warnings())
        .singleElement()
        .asString()
        .contains(
            "The proxy script " + WPAD_URL + " failed for", "instructions", "probed directly");
  }

  @Test
  void aServerThatNeverAnswersIsAWarningAndTheRunGoesDirect() {
    lab.fault("wpad", "hang");

    CheckRun run = preflight.check().assertVerdict("DEGRADED", 1).assertOthersPass();

    assertThat(source(run).path("found").asText()).startsWith("no usable WPAD script");
    assertThat(run.warnings())
        .singleElement()
        .asString()
        .contains(WPAD_URL, "HTTP_TIMEOUT", "go out directly, as this check did");
  }

  @Test
  void aPageThatIsNoScriptIsAWarning() {
    lab.fault("wpad", "html");

    CheckRun run = preflight.check().assertVerdict("DEGRADED", 1).assertOthersPass();

    assertThat(run.warnings()).singleElement().asString().contains("is not a proxy script");
  }

  @Test
  void sourceNoneIsTheDirectControlRun() {
    lab.fault("wpad", "proxy");
    lab.fault("proxy-auth");

    CheckRun run = preflight.check("--proxy-source", "none").assertVerdict("READY", 0);

    assertThat(source(run).path("source").asText()).isEqualTo("none");
    assertThat(source(run).path("wpadCandidates")).isEmpty();
    assertThat(web(run)).allMatch(e -> e.path("route").asText().equals("DIRECT"));
  }
}

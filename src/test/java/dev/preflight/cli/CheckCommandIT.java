package dev.preflight.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.preflight.testing.ConnectProxyStub;
import dev.preflight.testing.HttpTestServer;
import dev.preflight.testing.LoopbackServer;
import dev.preflight.testing.NtpTestServer;
import dev.preflight.testing.TestCertificates;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code preflight check} end to end through {@link Main#run}, against real servers on loopback:
 * the shipped catalog plus a test catalog, every name resolved by a loopback DNS responder.
 */
class CheckCommandIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private LoopbackLab lab;

  record Run(int code, String out, String err) {
    JsonNode json() throws IOException {
      return JSON.readTree(out);
    }
  }

  @BeforeEach
  void start() {
    lab = new LoopbackLab(dir);
  }

  @AfterEach
  void stop() {
    lab.close();
  }

  private Run check(String... args) throws IOException {
    List<String> all =
        new ArrayList<>(
            List.of(
                "check",
                "--catalog",
                lab.catalog().toString(),
                "--dns-server",
                lab.dnsServer(),
                "--ca-file",
                lab.rootPem().toString()));
    all.addAll(List.of(args));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            new PrintWriter(out, true), new PrintWriter(err, true), all.toArray(String[]::new));
    return new Run(code, out.toString(), err.toString());
  }

  private static JsonNode endpoint(JsonNode report, String id) {
    return StreamSupport.stream(report.get("services").spliterator(), false)
        .flatMap(s -> StreamSupport.stream(s.get("endpoints").spliterator(), false))
        .filter(e -> e.get("id").asText().equals(id))
        .findFirst()
        .orElseThrow(
            () -> new AssertionError("no endpoint " + id + " in " + report.findValuesAsText("id")));
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Test
  void everyEndpointGetsItsCauseRouteAndTheRunIsBlocked() throws IOException {
    HttpTestServer genuine =
        lab.add(
            HttpTestServer.tls(
                LoopbackLab.loopbackLeaf(LoopbackLab.ROOT), HttpTestServer.answer(404, "no")));
    var zscaler = TestCertificates.root("CN=Zscaler Root CA,O=Zscaler Inc.");
    HttpTestServer inspected =
        lab.add(
            HttpTestServer.tls(
                LoopbackLab.loopbackLeaf(
                    zscaler.intermediate("CN=Zscaler Intermediate Root CA,O=Zscaler Inc.")),
                HttpTestServer.answer(404, "no")));
    NtpTestServer ntp = lab.add(new NtpTestServer(NtpTestServer.Mode.NORMAL));
    lab.entry("lab-genuine", "127.0.0.1", "https", genuine.port(), "BLOCKING")
        .entry("lab-inspected", "127.0.0.1", "https", inspected.port(), "BLOCKING")
        .entry("lab-closed", "127.0.0.1", "tcp", closedPort(), "DEGRADED")
        .entry("lab-ntp", "127.0.0.1", "ntp", ntp.port(), "BLOCKING");

    Run run = check("--format", "json", "--timeout", "2s");

    assertThat(run.code()).as(run.err()).isEqualTo(2);
    JsonNode report = run.json();
    assertThat(report.get("verdict").asText()).isEqualTo("BLOCKED");
    assertThat(report.get("mode").asText()).isEqualTo("check");
    assertThat(report.get("environment").get("dnsServers").get(0).asText())
        .isEqualTo(lab.dnsServer());
    assertThat(report.get("environment").get("proxy").isNull()).isTrue();
    JsonNode pass = endpoint(report, "lab-genuine");
    assertThat(pass.get("status").asText()).isEqualTo("PASS");
    assertThat(pass.get("route").asText()).isEqualTo("DIRECT");
    assertThat(pass.get("tls").get("root").asText()).contains("Preflight Lab Root");
    assertThat(pass.get("timings").get("tlsMs").isNumber()).isTrue();
    JsonNode intercepted = endpoint(report, "lab-inspected");
    assertThat(intercepted.get("cause").asText()).isEqualTo("TLS_INTERCEPTED");
    assertThat(intercepted.get("remedy").asText()).contains("Zscaler");
    assertThat(endpoint(report, "lab-closed").get("cause").asText()).isEqualTo("TCP_REFUSED");
    assertThat(endpoint(report, "lab-ntp").get("status").asText()).isEqualTo("PASS");
    assertThat(report.get("environment").get("clockOffsetMs").isNumber()).isTrue();
    JsonNode shipped = endpoint(report, "ztd-dds");
    assertThat(shipped.get("cause").asText()).isEqualTo("DNS_NXDOMAIN");
    assertThat(shipped.get("remedy").asText()).contains("ztd.dds.microsoft.com");
  }

  @Test
  void aProxyDemandingAuthenticationFailsEveryHttpsEndpointButNotNtp() throws IOException {
    ConnectProxyStub proxy = lab.add(ConnectProxyStub.connect(407, 0));
    NtpTestServer ntp = lab.add(new NtpTestServer(NtpTestServer.Mode.NORMAL));
    lab.entry("lab-ntp", "127.0.0.1", "ntp", ntp.port(), "BLOCKING");
    String proxyUrl = "http://127.0.0.1:" + proxy.port();

    Run run = check("--format", "json", "--timeout", "2s", "--proxy", proxyUrl);

    assertThat(run.code()).isEqualTo(2);
    JsonNode report = run.json();
    assertThat(report.get("environment").get("proxy").asText()).isEqualTo(proxyUrl);
    JsonNode ztd = endpoint(report, "ztd-dds");
    assertThat(ztd.get("cause").asText()).isEqualTo("HTTP_PROXY_AUTH_REQUIRED");
    assertThat(ztd.get("route").asText()).isEqualTo("PROXY 127.0.0.1:" + proxy.port());
    assertThat(ztd.get("remedy").asText()).contains("without authentication");
    JsonNode time = endpoint(report, "lab-ntp");
    assertThat(time.get("route").asText()).isEqualTo("DIRECT");
    assertThat(time.get("status").asText()).isEqualTo("PASS");
    assertThat(proxy.requests())
        .isNotEmpty()
        .noneMatch(r -> r.toLowerCase().contains("proxy-authorization"));
  }

  @Test
  void endpointsThatEachTakeOneSecondFinishTogether() throws IOException {
    int n = 8;
    for (int i = 0; i < n; i++) {
      HttpTestServer slow =
          lab.add(
              HttpTestServer.plain(
                  (head, out) -> {
                    Thread.sleep(1000);
                    out.write(HttpTestServer.response(404, "slow"));
                  }));
      lab.entry("lab-slow-" + i, "127.0.0.1", "http", slow.port(), "BLOCKING");
    }

    Run run = check("--format", "json", "--timeout", "5s");

    JsonNode report = run.json();
    for (int i = 0; i < n; i++) {
      JsonNode slow = endpoint(report, "lab-slow-" + i);
      assertThat(slow.get("status").asText()).isEqualTo("PASS");
      assertThat(slow.get("timings").get("totalMs").asLong()).isGreaterThanOrEqualTo(1000);
    }
    // Sequential probing would take n seconds; concurrent probing takes about one.
    assertThat(report.get("durationMs").asLong()).isLessThan(n * 1000 / 2);
  }

  @Test
  void parallelismOneQueuesTheSlowEndpoints() throws IOException {
    int n = 3;
    for (int i = 0; i < n; i++) {
      HttpTestServer slow =
          lab.add(
              HttpTestServer.plain(
                  (head, out) -> {
                    Thread.sleep(500);
                    out.write(HttpTestServer.response(404, "slow"));
                  }));
      lab.entry("lab-slow-" + i, "127.0.0.1", "http", slow.port(), "BLOCKING");
    }
    Run run = check("--format", "json", "--timeout", "5s", "--parallelism", "1");
    assertThat(run.json().get("durationMs").asLong()).isGreaterThanOrEqualTo(n * 500);
  }

  @Test
  void hybridJoinFindsTheControllerAndProbesLdapAndKerberos() throws IOException {
    LoopbackServer ldap = lab.add(LoopbackServer.start(socket -> socket.close()));
    lab.dns.srv("_ldap._tcp.dc._msdcs.corp.example", "127.0.0.1:389");
    lab.override("dc-ldap", "hybrid-join", "{dc}", "ldap", ldap.port())
        .override("dc-kerberos", "hybrid-join", "{dc}", "kerberos", closedPort());

    Run run =
        check(
            "--format",
            "json",
            "--timeout",
            "2s",
            "--scenario",
            "hybrid-join",
            "--domain",
            "corp.example");

    JsonNode report = run.json();
    JsonNode locator = endpoint(report, "dc-locator");
    assertThat(locator.get("status").asText()).as(locator.toString()).isEqualTo("PASS");
    assertThat(locator.get("host").asText()).isEqualTo("_ldap._tcp.dc._msdcs.corp.example");
    JsonNode ldapResult = endpoint(report, "dc-ldap");
    assertThat(ldapResult.get("host").asText()).isEqualTo("127.0.0.1");
    assertThat(ldapResult.get("status").asText()).isEqualTo("PASS");
    JsonNode kerberos = endpoint(report, "dc-kerberos");
    assertThat(kerberos.get("cause").asText()).isEqualTo("DC_UNREACHABLE");
    assertThat(kerberos.get("remedy").asText()).contains("127.0.0.1");
  }

  @Test
  void hybridJoinWithoutAnSrvRecordIsDcNotFound() throws IOException {
    Run run =
        check(
            "--format",
            "json",
            "--timeout",
            "2s",
            "--scenario",
            "hybrid-join",
            "--domain",
            "corp.example");
    JsonNode report = run.json();
    assertThat(endpoint(report, "dc-locator").get("cause").asText()).isEqualTo("DC_NOT_FOUND");
    JsonNode ldap = endpoint(report, "dc-ldap");
    assertThat(ldap.get("status").asText()).isEqualTo("SKIP");
    assertThat(ldap.get("detail").asText())
        .contains("no domain controller was found for corp.example");
  }

  @Test
  void hybridJoinWithoutDomainSkipsAndWarns() throws IOException {
    Run run = check("--format", "json", "--timeout", "2s", "--scenario", "hybrid-join");
    JsonNode report = run.json();
    assertThat(endpoint(report, "dc-locator").get("status").asText()).isEqualTo("SKIP");
    assertThat(endpoint(report, "dc-locator").get("detail").asText()).contains("--domain");
    assertThat(report.get("warnings").toString()).contains("no --domain was given");
  }

  @Test
  void textReportGoesToTheOutputFileWithoutColour() throws IOException {
    Path file = dir.resolve("report.txt");
    Run run = check("--timeout", "2s", "--output", file.toString());
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    String text = Files.readString(file);
    assertThat(text).doesNotContain("\u001b").contains("DNS_NXDOMAIN").contains("Remedy: ");
    assertThat(text.strip().lines().reduce((a, b) -> b).orElseThrow())
        .startsWith("Verdict: BLOCKED (exit 2)");
  }
}

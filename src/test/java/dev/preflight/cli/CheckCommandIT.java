package dev.preflight.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.preflight.testing.ConnectProxyStub;
import dev.preflight.testing.HttpTestServer;
import dev.preflight.testing.NtpTestServer;
import dev.preflight.testing.TestCertificates;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code preflight check} end to end through {@link Main#run}, against real servers on loopback:
 * the shipped catalog plus a test catalog, every name resolved by a loopback DNS responder.
 */
@Timeout(180)
class CheckCommandIT {
  @TempDir Path dir;
  private LoopbackLab lab;

  private LoopbackLab.Run check(String... args) throws IOException {
    return lab.check(args);
  }

  @BeforeEach
  void start() {
    lab = new LoopbackLab(dir);
  }

  @AfterEach
  void stop() {
    lab.close();
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
        .entry("lab-closed", "127.0.0.1", "tcp", LoopbackLab.closedPort(), "DEGRADED")
        .entry("lab-ntp", "127.0.0.1", "ntp", ntp.port(), "BLOCKING");

    LoopbackLab.Run run = check("--format", "json", "--timeout", "2s");

    assertThat(run.code()).as(run.err()).isEqualTo(2);
    JsonNode report = run.json();
    assertThat(report.get("verdict").asText()).isEqualTo("BLOCKED");
    assertThat(report.get("mode").asText()).isEqualTo("check");
    assertThat(report.get("environment").get("dnsServers").get(0).asText())
        .isEqualTo(lab.dnsServer());
    assertThat(report.get("environment").get("proxy").isNull()).isTrue();
    JsonNode pass = LoopbackLab.endpoint(report, "lab-genuine");
    assertThat(pass.get("status").asText()).isEqualTo("PASS");
    assertThat(pass.get("route").asText()).isEqualTo("DIRECT");
    assertThat(pass.get("tls").get("root").asText()).contains("Preflight Lab Root");
    assertThat(pass.get("timings").get("tlsMs").isNumber()).isTrue();
    JsonNode intercepted = LoopbackLab.endpoint(report, "lab-inspected");
    assertThat(intercepted.get("cause").asText()).isEqualTo("TLS_INTERCEPTED");
    assertThat(intercepted.get("remedy").asText()).contains("Zscaler");
    assertThat(LoopbackLab.endpoint(report, "lab-closed").get("cause").asText())
        .isEqualTo("TCP_REFUSED");
    assertThat(LoopbackLab.endpoint(report, "lab-ntp").get("status").asText()).isEqualTo("PASS");
    assertThat(report.get("environment").get("clockOffsetMs").isNumber()).isTrue();
    JsonNode shipped = LoopbackLab.endpoint(report, "ztd-dds");
    assertThat(shipped.get("cause").asText()).isEqualTo("DNS_NXDOMAIN");
    assertThat(shipped.get("remedy").asText()).contains("ztd.dds.microsoft.com");
  }

  @Test
  void aProxyDemandingAuthenticationFailsEveryHttpsEndpointButNotNtp() throws IOException {
    ConnectProxyStub proxy = lab.add(ConnectProxyStub.connect(407, 0));
    NtpTestServer ntp = lab.add(new NtpTestServer(NtpTestServer.Mode.NORMAL));
    lab.entry("lab-ntp", "127.0.0.1", "ntp", ntp.port(), "BLOCKING");
    String proxyUrl = "http://127.0.0.1:" + proxy.port();

    LoopbackLab.Run run = check("--format", "json", "--timeout", "2s", "--proxy", proxyUrl);

    assertThat(run.code()).isEqualTo(2);
    JsonNode report = run.json();
    assertThat(report.get("environment").get("proxy").asText()).isEqualTo(proxyUrl);
    assertThat(report.get("environment").get("tenant").isNull()).isTrue();
    assertThat(run.err()).contains("Hint: --tenant contoso.com");
    JsonNode ztd = LoopbackLab.endpoint(report, "ztd-dds");
    assertThat(ztd.get("cause").asText()).isEqualTo("HTTP_PROXY_AUTH_REQUIRED");
    assertThat(ztd.get("route").asText()).isEqualTo("PROXY 127.0.0.1:" + proxy.port());
    assertThat(ztd.get("remedy").asText()).contains("without authentication");
    JsonNode time = LoopbackLab.endpoint(report, "lab-ntp");
    assertThat(time.get("route").asText()).isEqualTo("DIRECT");
    assertThat(time.get("status").asText()).isEqualTo("PASS");
    assertThat(proxy.requests())
        .isNotEmpty()
        .noneMatch(r -> r.toLowerCase().contains("proxy-authorization"));
  }

  @Test
  void anUnreachableProxyIsNamedForEveryEndpointRoutedThroughIt() throws IOException {
    int closed = LoopbackLab.closedPort();
    LoopbackLab.Run run =
        check("--format", "json", "--timeout", "2s", "--proxy", "http://127.0.0.1:" + closed);
    JsonNode ztd = LoopbackLab.endpoint(run.json(), "ztd-dds");
    assertThat(ztd.get("cause").asText()).isEqualTo("PROXY_UNREACHABLE");
    assertThat(ztd.get("remedy").asText()).contains("127.0.0.1:" + closed);
    assertThat(run.code()).isEqualTo(2);
  }

  @Test
  void aPacFileRoutesEachUrlAndTheReportSaysWhichRouteItTook() throws IOException {
    HttpTestServer origin =
        lab.add(
            HttpTestServer.tls(
                LoopbackLab.loopbackLeaf(LoopbackLab.ROOT), HttpTestServer.answer(404, "no")));
    ConnectProxyStub proxy = lab.add(ConnectProxyStub.connect(200, origin.port()));
    lab.entry("lab-via-proxy", "127.0.0.1", "https", origin.port(), "BLOCKING");
    Path pac =
        Files.writeString(
            dir.resolve("lab.pac"),
            """
            function FindProxyForURL(url, host) {
              if (host == "127.0.0.1") return "PROXY 127.0.0.1:%d; DIRECT";
              return "DIRECT";
            }
            """
                .formatted(proxy.port()));

    LoopbackLab.Run run = check("--format", "json", "--timeout", "2s", "--pac", pac.toString());

    JsonNode report = run.json();
    assertThat(report.get("environment").get("proxy").asText()).isEqualTo("PAC " + pac);
    JsonNode viaProxy = LoopbackLab.endpoint(report, "lab-via-proxy");
    assertThat(viaProxy.get("status").asText()).as(viaProxy.toString()).isEqualTo("PASS");
    assertThat(viaProxy.get("route").asText()).isEqualTo("PROXY 127.0.0.1:" + proxy.port());
    assertThat(proxy.requests()).anyMatch(r -> r.startsWith("CONNECT 127.0.0.1:" + origin.port()));
    assertThat(LoopbackLab.endpoint(report, "ztd-dds").get("route").asText()).isEqualTo("DIRECT");
  }

  @Test
  void anNtpOffsetBeyondMaxSkewIsClockSkew() throws IOException {
    NtpTestServer ntp =
        lab.add(new NtpTestServer(NtpTestServer.Mode.NORMAL, java.time.Duration.ofMinutes(10)));
    lab.entry("lab-ntp", "127.0.0.1", "ntp", ntp.port(), "BLOCKING");
    LoopbackLab.Run run = check("--format", "json", "--timeout", "2s", "--max-skew", "5m");
    JsonNode report = run.json();
    JsonNode time = LoopbackLab.endpoint(report, "lab-ntp");
    assertThat(time.get("cause").asText()).isEqualTo("CLOCK_SKEW");
    assertThat(report.get("environment").get("clockOffsetMs").asLong())
        .isBetween(590_000L, 610_000L);
  }

  @Test
  void blockedNtpWithTrustedDatesTenMinutesAheadIsClockSkew() throws IOException {
    LoopbackLab.Run run = checkWithSilentNtpAndDates(java.time.Duration.ofMinutes(10));

    JsonNode report = run.json();
    JsonNode ntp = LoopbackLab.endpoint(report, "lab-ntp");
    assertThat(ntp.get("cause").asText()).isEqualTo("CLOCK_SKEW");
    assertThat(ntp.get("detail").asText())
        .contains("Date headers of 3 trusted HTTPS origins", "No NTP reply");
    assertThat(report.get("environment").get("clockOffsetMs").asLong())
        .isBetween(595_000L, 601_000L);
  }

  @Test
  void blockedNtpWithTrustedDatesThatAgreeIsOnlyAWarningWithTheEvidence() throws IOException {
    LoopbackLab.Run run = checkWithSilentNtpAndDates(java.time.Duration.ZERO);

    JsonNode report = run.json();
    assertThat(LoopbackLab.endpoint(report, "lab-ntp").get("cause").asText())
        .isEqualTo("NTP_TIMEOUT");
    assertThat(report.get("warnings").toString())
        .contains("the Date headers of 3 HTTPS origins whose chains were trusted")
        .contains("so Autopilot continues");
  }

  /**
   * Three HTTPS origins whose Date is {@code ahead} of this clock, and an NTP server that is mute.
   */
  private LoopbackLab.Run checkWithSilentNtpAndDates(java.time.Duration ahead) throws IOException {
    String date =
        java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
            java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).plus(ahead));
    HttpTestServer origin =
        lab.add(
            HttpTestServer.tls(
                LoopbackLab.loopbackLeaf(LoopbackLab.ROOT),
                HttpTestServer.answer(404, "no", "Date: " + date)));
    NtpTestServer silent = lab.add(new NtpTestServer(NtpTestServer.Mode.SILENT));
    for (String id : List.of("lab-origin-1", "lab-origin-2", "lab-origin-3")) {
      lab.entry(id, "127.0.0.1", "https", origin.port(), "BLOCKING");
    }
    lab.entry("lab-ntp", "127.0.0.1", "ntp", silent.port(), "DEGRADED");
    return check("--format", "json", "--timeout", "1s");
  }

  @Test
  void textReportGoesToTheOutputFileWithoutColour() throws IOException {
    Path file = dir.resolve("report.txt");
    LoopbackLab.Run run = check("--timeout", "2s", "--output", file.toString());
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    String text = Files.readString(file);
    assertThat(text).doesNotContain("\u001b").contains("DNS_NXDOMAIN").contains("Remedy: ");
    assertThat(text.strip().lines().reduce((a, b) -> b).orElseThrow())
        .startsWith("Verdict: BLOCKED (exit 2)");
  }

  @Test
  void eachNameIsAskedOncePerTypeAndDebugCountsTheQueries() throws IOException {
    // www.microsoft.com is probed by two shipped entries (a resolver check and HTTP): one question.
    LoopbackLab.Run run = check("--debug", "--format", "json", "--timeout", "2s");

    assertThat(run.code()).as(run.err()).isEqualTo(2);
    Matcher total =
        Pattern.compile("debug: DNS queries sent: (\\d+) for (\\d+) names").matcher(run.err());
    assertThat(total.find()).as(run.err()).isTrue();
    // Every name is answered (NXDOMAIN) at once: one query per type asked, A and AAAA at most.
    Matcher perName =
        Pattern.compile("debug: DNS queries sent for \\S+: (\\d+)").matcher(run.err());
    int names = 0;
    int sum = 0;
    while (perName.find()) {
      names++;
      sum += Integer.parseInt(perName.group(1));
      assertThat(Integer.parseInt(perName.group(1))).as(perName.group()).isBetween(1, 2);
    }
    assertThat(names).isEqualTo(Integer.parseInt(total.group(2))).isGreaterThan(50);
    assertThat(sum).isEqualTo(Integer.parseInt(total.group(1)));
    assertThat(run.err()).contains("debug: DNS queries sent for ztd.dds.microsoft.com: 2");
    assertThat(lab.dns.queries("www.microsoft.com", "A")).isEqualTo(1);
    assertThat(lab.dns.queries("www.microsoft.com", "AAAA")).isEqualTo(1);
  }
}

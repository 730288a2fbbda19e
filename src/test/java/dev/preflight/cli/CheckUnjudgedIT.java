package dev.preflight.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.preflight.catalog.CatalogLoader;
import dev.preflight.catalog.Protocol;
import dev.preflight.catalog.Scenario;
import dev.preflight.catalog.Tpm;
import dev.preflight.testing.NtpTestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code preflight check --pac} end to end when the PAC script cannot route any URL: every web
 * endpoint is unjudged, everything else passes on loopback, and the exit code is 3 as for {@code
 * analyze}, never 1.
 */
@Timeout(60)
class CheckUnjudgedIT {
  @TempDir Path dir;
  private LoopbackLab lab;

  @BeforeEach
  void start() {
    lab = new LoopbackLab(dir);
    NtpTestServer ntp = lab.add(new NtpTestServer(NtpTestServer.Mode.NORMAL));
    // The shipped entries that do not go through a proxy, made to pass on loopback: name checks
    // get an answer (never contacted), NTP goes to a loopback server.
    CatalogLoader.shipped().select(Set.of(Scenario.USER_DRIVEN), Tpm.DISCRETE).stream()
        .filter(e -> e.probeProtocol() == Protocol.DNS)
        .forEach(e -> lab.dns.answer(e.host(), "198.18.0.7"));
    lab.dns.answer("dns.msftncsi.com", "131.107.255.255");
    lab.raw(
        """
        - id: ntp-time-windows
          service: ntp
          host: "127.0.0.1"
          protocol: ntp
          ports: [%d]
          impact: BLOCKING
          source: {page: loopback lab, date: 2026-11-26}
        """
            .formatted(ntp.port()));
  }

  @AfterEach
  void stop() {
    lab.close();
  }

  private LoopbackLab.Run check(String script) throws IOException {
    Path pac = Files.writeString(dir.resolve("proxy.pac"), script);
    return lab.check("--pac", pac.toString(), "--format", "json", "--timeout", "2s");
  }

  @Test
  void aScriptThatThrowsForEveryUrlExitsThree() throws IOException {
    LoopbackLab.Run run = check("function FindProxyForURL(url, host) { return notDefined(); }\n");

    assertThat(run.code()).as(run.err()).isEqualTo(3);
    JsonNode report = run.json();
    assertThat(report.get("verdict").asText()).isEqualTo("UNKNOWN");
    assertThat(LoopbackLab.endpoint(report, "ntp-time-windows").get("status").asText())
        .isEqualTo("PASS");
    JsonNode ztd = LoopbackLab.endpoint(report, "ztd-dds");
    assertThat(ztd.get("status").asText()).isEqualTo("SKIP");
    assertThat(ztd.get("detail").asText()).contains("proxy.pac:1");
    assertThat(StreamSupport.stream(report.get("warnings").spliterator(), false))
        .anySatisfy(w -> assertThat(w.asText()).contains("could not be judged"));
  }

  @Test
  void aScriptReturningAnObjectForEveryUrlExitsThree() throws IOException {
    LoopbackLab.Run run = check("function FindProxyForURL(url, host) { return {}; }\n");

    assertThat(run.code()).as(run.err()).isEqualTo(3);
    assertThat(run.json().get("verdict").asText()).isEqualTo("UNKNOWN");
  }
}

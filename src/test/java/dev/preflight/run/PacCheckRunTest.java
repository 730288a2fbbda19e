package dev.preflight.run;

import static dev.preflight.fixtures.Entries.entry;
import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.catalog.Catalog;
import dev.preflight.catalog.Endpoint;
import dev.preflight.catalog.Impact;
import dev.preflight.catalog.Protocol;
import dev.preflight.fixtures.Entries;
import dev.preflight.probe.Cause;
import dev.preflight.probe.Phase;
import dev.preflight.probe.ProbeFailure;
import dev.preflight.probe.ProbeResult;
import dev.preflight.probe.ProbeTarget;
import dev.preflight.probe.net.LocalMachine;
import dev.preflight.probe.net.Resolver;
import dev.preflight.verdict.EndpointResult;
import dev.preflight.verdict.Report;
import dev.preflight.verdict.Status;
import dev.preflight.verdict.Verdict;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check --pac} with the real sandboxed engine and probes that answer from a table: a script
 * that cannot route the URLs leaves the network unjudged, never READY or DEGRADED.
 */
@Timeout(60)
class PacCheckRunTest {
  private static final Endpoint NTP =
      entry("ntp", "time.example", Protocol.NTP, 123, Impact.BLOCKING);

  @TempDir Path dir;

  private static List<Endpoint> webEntries(int count) {
    List<Endpoint> entries = new ArrayList<>();
    IntStream.range(0, count)
        .forEach(
            i ->
                entries.add(
                    entry(
                        "web" + i,
                        "web" + i + ".example",
                        Protocol.HTTPS,
                        443,
                        i == 0 ? Impact.DEGRADED : Impact.BLOCKING)));
    return entries;
  }

  private static Catalog catalog(int web) {
    List<Endpoint> entries = new ArrayList<>(webEntries(web));
    entries.add(NTP);
    return Entries.catalog(entries);
  }

  private static final ProbeRunner.Executor PASSING = (target, deadline, cpu) -> pass(target);

  private static ProbeResult pass(ProbeTarget target) {
    return new ProbeResult(target, null, Map.of(Phase.CONNECT, Duration.ofMillis(1)), Map.of());
  }

  private Report check(
      String script, Catalog catalog, Duration timeout, ProbeRunner.Executor probes)
      throws IOException {
    Path pac = Files.writeString(dir.resolve("proxy.pac"), script);
    try (DatagramSocket silentDns = silentDns()) {
      InetSocketAddress dns = (InetSocketAddress) silentDns.getLocalSocketAddress();
      PacRoutes routes = SystemCheck.pac(pac.toString(), timeout, Resolver.system(dns));
      CheckSettings settings = CheckSettings.builder().timeout(timeout).routes(routes).build();
      CheckRun run =
          new CheckRun(probes, probes, List.of(), LocalMachine.UNKNOWN, Clock.systemUTC(), "test");
      return run.run(catalog, settings, ProgressListener.NONE);
    }
  }

  private static DatagramSocket silentDns() throws IOException {
    return new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
  }

  private static List<EndpointResult> web(Report report) {
    return report.endpoints().stream()
        .filter(r -> r.endpoint().protocol() == Protocol.HTTPS)
        .toList();
  }

  @Test
  void aScriptThatThrowsForEveryUrlLeavesTheNetworkUnknown() throws IOException {
    Report report =
        check(
            "function FindProxyForURL(url, host) {\n  return notDefined(host);\n}\n",
            catalog(4),
            Duration.ofSeconds(2),
            PASSING);

    assertThat(report.verdict()).isEqualTo(Verdict.UNKNOWN);
    assertThat(report.verdict().exitCode()).isEqualTo(3);
    assertThat(web(report))
        .hasSize(4)
        .allSatisfy(
            r -> {
              assertThat(r.status()).isEqualTo(Status.SKIP);
              assertThat(r.unjudged()).isTrue();
              assertThat(r.detail()).contains("proxy.pac:2").contains("notDefined");
            });
    assertThat(report.warnings())
        .anySatisfy(
            w -> assertThat(w).contains("4 endpoints could not be judged").contains("3 of them"));
  }

  @Test
  void aScriptReturningANumberLeavesTheNetworkUnknown() throws IOException {
    Report report =
        check(
            "function FindProxyForURL(url, host) { return 42; }\n",
            catalog(3),
            Duration.ofSeconds(2),
            PASSING);

    assertThat(report.verdict()).isEqualTo(Verdict.UNKNOWN);
    assertThat(web(report)).allSatisfy(r -> assertThat(r.detail()).contains("a number"));
  }

  @Test
  void aBlockedEndpointStillMakesTheRunBlocked() throws IOException {
    ProbeRunner.Executor ntpFails =
        (target, deadline, cpu) ->
            new ProbeResult(
                target,
                ProbeFailure.fail(Cause.NTP_TIMEOUT, Phase.NTP_EXCHANGE, "no reply"),
                Map.of(),
                Map.of());
    Report report =
        check(
            "function FindProxyForURL(url, host) { return notDefined(); }\n",
            catalog(2),
            Duration.ofSeconds(2),
            ntpFails);

    assertThat(report.verdict()).isEqualTo(Verdict.BLOCKED);
  }

  @Test
  void aScheduledRunGetsTheRouteSelectionBudgetAfresh() throws Exception {
    // serve loads the script once and runs check after check with the same settings.
    Path pac =
        Files.writeString(
            dir.resolve("proxy.pac"),
            "function FindProxyForURL(url, host) { return \"PROXY proxy.corp:3128\"; }\n");
    try (DatagramSocket silentDns = silentDns()) {
      InetSocketAddress dns = (InetSocketAddress) silentDns.getLocalSocketAddress();
      Duration timeout = Duration.ofMillis(300);
      PacRoutes routes = SystemCheck.pac(pac.toString(), timeout, Resolver.system(dns));
      CheckSettings settings = CheckSettings.builder().timeout(timeout).routes(routes).build();
      CheckRun run =
          new CheckRun(
              PASSING, PASSING, List.of(), LocalMachine.UNKNOWN, Clock.systemUTC(), "test");

      Report first = run.run(catalog(3), settings, ProgressListener.NONE);
      Thread.sleep(timeout.multipliedBy(2).toMillis()); // the first run's budget is long gone
      Report second = run.run(catalog(3), settings, ProgressListener.NONE);

      for (Report report : List.of(first, second)) {
        assertThat(web(report))
            .hasSize(3)
            .allSatisfy(r -> assertThat(r.route()).isEqualTo("PROXY proxy.corp:3128"))
            .noneMatch(EndpointResult::unjudged);
      }
    }
  }

  @Test
  void aSlowScriptUsesOneTimeoutToRouteAndTheRestIsUnjudged() throws IOException {
    // Legal, but slow: each call spins 50 ms (well under the per-call instruction budget), so 40
    // URLs need two seconds.
    String spin =
        """
        function FindProxyForURL(url, host) {
          var end = Date.now() + 50;
          while (Date.now() < end) {}
          return "DIRECT";
        }
        """;
    long start = System.nanoTime();
    Report report = check(spin, catalog(40), Duration.ofSeconds(1), PASSING);
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertThat(took).isLessThan(Duration.ofMillis(2_800));
    List<EndpointResult> unjudged = web(report).stream().filter(EndpointResult::unjudged).toList();
    assertThat(unjudged).isNotEmpty();
    assertThat(unjudged)
        .allSatisfy(r -> assertThat(r.detail()).contains("PAC script").contains("1s"));
    assertThat(web(report).stream().filter(r -> r.status() == Status.PASS)).isNotEmpty();
    assertThat(report.verdict()).isEqualTo(Verdict.UNKNOWN);
  }

  @Test
  void tenThousandLookupsAgainstASilentDnsServerCostOneTimeout() throws IOException {
    String lookups =
        """
        function FindProxyForURL(url, host) {
          for (var i = 0; i < 10000; i++) {
            if (isResolvable("name" + i + "." + host)) return "DIRECT";
          }
          return "PROXY proxy.example:3128";
        }
        """;
    long start = System.nanoTime();
    Report report = check(lookups, catalog(3), Duration.ofSeconds(1), PASSING);
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertThat(took).isLessThan(Duration.ofMillis(3_500));
    assertThat(report.verdict()).isIn(Verdict.DEGRADED, Verdict.UNKNOWN);
    assertThat(report.warnings())
        .anySatisfy(w -> assertThat(w).containsAnyOf("ran out of time", "could not be judged"));
  }
}

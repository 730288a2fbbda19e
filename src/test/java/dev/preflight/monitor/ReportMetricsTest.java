package dev.preflight.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.verdict.Report;
import dev.preflight.verdict.Verdict;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The contract's series, written by the official client's text format from one report. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ReportMetricsTest {
  @Test
  void verdictIsOneHotOverEveryVerdictValue() throws IOException {
    String text = exposition(MonitorReports.blocked());

    for (Verdict verdict : Verdict.values()) {
      String value = verdict == Verdict.BLOCKED ? "1.0" : "0.0";
      assertThat(text).contains("preflight_verdict{verdict=\"" + verdict + "\"} " + value + "\n");
    }
    assertThat(text.lines().filter(l -> l.startsWith("preflight_verdict{")).count())
        .isEqualTo(Arrays.stream(Verdict.values()).count());
  }

  @Test
  void runSeriesDescribeTheLastRun() throws IOException {
    String text = exposition(MonitorReports.blocked());

    // Started 10:00:00 and took 2.5 s.
    assertThat(text).contains("preflight_last_run_timestamp_seconds 1.7956872025E9\n");
    assertThat(text).contains("preflight_run_duration_seconds 2.5\n");
    assertThat(text).contains("preflight_clock_offset_seconds 1.234\n");
  }

  @Test
  void endpointsAreUpOrDownWithTheirCauseAndSkippedOnesAreAbsent() throws IOException {
    String text = exposition(MonitorReports.blocked());

    assertThat(text)
        .contains(
            "preflight_endpoint_up{host=\"ztd.dds.microsoft.com\",id=\"ztd\",impact=\"BLOCKING\","
                + "protocol=\"https\",service=\"autopilot\"} 0.0\n")
        .contains(
            "preflight_endpoint_up{host=\"adl.windows.com\",id=\"wu\",impact=\"DEGRADED\","
                + "protocol=\"https\",service=\"update\"} 1.0\n")
        .contains(
            "preflight_endpoint_cause_info{cause=\"TCP_TIMEOUT\",host=\"ztd.dds.microsoft.com\","
                + "id=\"ztd\",impact=\"BLOCKING\",protocol=\"https\",service=\"autopilot\"} 1\n")
        .contains("preflight_endpoint_cause_info{cause=\"TLS_UNTRUSTED\"")
        .doesNotContain("id=\"dc\"");
  }

  @Test
  void phasesAndCertificateExpiryAreKeyedById() throws IOException {
    String text = exposition(MonitorReports.blocked());

    assertThat(text)
        .contains("preflight_endpoint_phase_seconds{id=\"ztd\",phase=\"connect\"} 5.0\n")
        .contains("preflight_endpoint_phase_seconds{id=\"ztd\",phase=\"total\"} 5.003\n")
        .doesNotContain("preflight_endpoint_phase_seconds{id=\"ztd\",phase=\"tls\"}")
        .contains("preflight_endpoint_tls_not_after_timestamp_seconds{id=\"wu\"} 1.8013968E9\n");
  }

  @Test
  void servicesAreUpUnlessAnEndpointFailed() throws IOException {
    String text = exposition(MonitorReports.blocked());

    assertThat(text)
        .contains("preflight_service_up{impact=\"BLOCKING\",service=\"autopilot\"} 0.0\n")
        .contains("preflight_service_up{impact=\"DEGRADED\",service=\"update\"} 1.0\n")
        .doesNotContain("service=\"hybrid\"");
  }

  @Test
  void nothingIsExposedBeforeTheFirstRun() throws IOException {
    assertThat(exposition(null)).isEmpty();
  }

  @Test
  void anUnknownClockOffsetHasNoSeries() throws IOException {
    assertThat(exposition(MonitorReports.ready())).doesNotContain("preflight_clock_offset_seconds");
  }

  private static String exposition(Report report) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrometheusTextFormatWriter.create().write(out, new ReportMetrics(() -> report).collect());
    return out.toString(StandardCharsets.UTF_8);
  }
}

package dev.preflight.monitor;

import dev.preflight.verdict.EndpointResult;
import dev.preflight.verdict.Report;
import dev.preflight.verdict.ServiceResult;
import dev.preflight.verdict.Status;
import dev.preflight.verdict.Timings;
import dev.preflight.verdict.Verdict;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot.InfoDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The contract's {@code preflight_*} series, built at scrape time from one report: the last
 * completed run for {@code /metrics}, or a single entry's run for {@code /probe}. Nothing is kept
 * between scrapes, so an endpoint that leaves the catalog leaves the exposition with it and the
 * label sets are bounded by the catalog. Until the first report exists, no series is exposed.
 *
 * <p>Per endpoint: {@code endpoint_up} is 1 for PASS and WARN, 0 for FAIL, absent for SKIP (not
 * judged); {@code endpoint_cause_info} exists for every endpoint with a cause. Entries that stand
 * for several hosts (hybrid join's domain controllers) keep one {@code endpoint_up} per host; the
 * series keyed by {@code id} alone describe the first host.
 */
public final class ReportMetrics implements MultiCollector {
  private static final String[] ENDPOINT_LABELS = {"id", "service", "host", "protocol", "impact"};

  private final Supplier<@Nullable Report> report;

  /** Exposes whatever report {@code report} supplies at scrape time (null for none yet). */
  public ReportMetrics(Supplier<@Nullable Report> report) {
    this.report = report;
  }

  @Override
  public MetricSnapshots collect() {
    Report current = report.get();
    if (current == null) {
      return MetricSnapshots.of();
    }
    List<MetricSnapshot> metrics = new ArrayList<>(run(current));
    metrics.addAll(endpoints(current.endpoints()));
    metrics.add(services(current.services()));
    return new MetricSnapshots(metrics);
  }

  private static List<MetricSnapshot> run(Report report) {
    GaugeSnapshot.Builder verdict =
        GaugeSnapshot.builder()
            .name("preflight_verdict")
            .help("The last run's verdict: 1 for the verdict it reached, 0 for the others.");
    for (Verdict value : Verdict.values()) {
      verdict.dataPoint(point(report.verdict() == value ? 1 : 0, "verdict", value.name()));
    }
    Instant finished = report.startedAt().plus(report.duration());
    List<MetricSnapshot> metrics = new ArrayList<>();
    metrics.add(verdict.build());
    metrics.add(
        gauge(
            "preflight_last_run_timestamp_seconds",
            "When the last run finished, in seconds since the epoch.",
            point(finished.toEpochMilli() / 1000.0)));
    metrics.add(
        gauge(
            "preflight_run_duration_seconds",
            "How long the last run took.",
            point(report.duration().toMillis() / 1000.0)));
    Long offset = report.environment().clockOffsetMs();
    if (offset != null) {
      metrics.add(
          gauge(
              "preflight_clock_offset_seconds",
              "Reference time minus this machine's clock, as the last run measured it.",
              point(offset / 1000.0)));
    }
    return metrics;
  }

  private static List<MetricSnapshot> endpoints(List<EndpointResult> results) {
    Map<Labels, GaugeDataPointSnapshot> up = new LinkedHashMap<>();
    Map<Labels, InfoDataPointSnapshot> causes = new LinkedHashMap<>();
    Map<Labels, GaugeDataPointSnapshot> phases = new LinkedHashMap<>();
    Map<Labels, GaugeDataPointSnapshot> notAfter = new LinkedHashMap<>();
    for (EndpointResult result : results) {
      Labels labels = endpointLabels(result);
      if (result.status() != Status.SKIP) {
        up.putIfAbsent(labels, point(labels, result.status() == Status.FAIL ? 0 : 1));
      }
      if (result.cause() != null) {
        Labels withCause = labels.add("cause", result.cause().name());
        causes.putIfAbsent(withCause, InfoDataPointSnapshot.builder().labels(withCause).build());
      }
      String id = result.endpoint().id();
      phases(result.timings())
          .forEach(
              (phase, ms) -> {
                Labels key = Labels.of("id", id, "phase", phase);
                phases.putIfAbsent(key, point(key, ms / 1000.0));
              });
      Instant expiry = notAfter(result);
      if (expiry != null) {
        Labels key = Labels.of("id", id);
        notAfter.putIfAbsent(key, point(key, expiry.getEpochSecond()));
      }
    }
    InfoSnapshot.Builder causeInfo =
        InfoSnapshot.builder()
            .name("preflight_endpoint_cause")
            .help("The cause code of each endpoint that failed or warned in the last run.");
    causes.values().forEach(causeInfo::dataPoint);
    return List.of(
        gauge(
            "preflight_endpoint_up", "1 when the endpoint passed or warned, 0 when it failed.", up),
        causeInfo.build(),
        gauge(
            "preflight_endpoint_phase_seconds",
            "How long each phase of the endpoint's probe took (dns, connect, tls, http, total).",
            phases),
        gauge(
            "preflight_endpoint_tls_not_after_timestamp_seconds",
            "When the TLS leaf certificate the endpoint presented expires, in seconds since the"
                + " epoch.",
            notAfter));
  }

  private static MetricSnapshot services(List<ServiceResult> services) {
    Map<Labels, GaugeDataPointSnapshot> up = new LinkedHashMap<>();
    for (ServiceResult service : services) {
      if (service.status() != Status.SKIP) {
        Labels labels =
            Labels.of("service", service.service().id(), "impact", service.impact().name());
        up.putIfAbsent(labels, point(labels, service.status() == Status.FAIL ? 0 : 1));
      }
    }
    return gauge(
        "preflight_service_up", "1 when every judged endpoint of the service worked, else 0.", up);
  }

  private static Labels endpointLabels(EndpointResult result) {
    var entry = result.endpoint();
    return Labels.of(
        ENDPOINT_LABELS,
        new String[] {
          entry.id(), entry.service(), entry.host(), entry.protocol().id(), entry.impact().name()
        });
  }

  private static Map<String, Long> phases(Timings timings) {
    Map<String, Long> phases = new LinkedHashMap<>();
    putIfKnown(phases, "dns", timings.dnsMs());
    putIfKnown(phases, "connect", timings.connectMs());
    putIfKnown(phases, "tls", timings.tlsMs());
    putIfKnown(phases, "http", timings.httpMs());
    putIfKnown(phases, "total", timings.totalMs());
    return phases;
  }

  private static void putIfKnown(Map<String, Long> phases, String phase, @Nullable Long ms) {
    if (ms != null) {
      phases.put(phase, ms);
    }
  }

  private static @Nullable Instant notAfter(EndpointResult result) {
    if (result.tls() == null || result.tls().notAfter() == null) {
      return null;
    }
    try {
      return Instant.parse(result.tls().notAfter());
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static GaugeSnapshot gauge(String name, String help, GaugeDataPointSnapshot point) {
    return GaugeSnapshot.builder().name(name).help(help).dataPoint(point).build();
  }

  private static GaugeSnapshot gauge(
      String name, String help, Map<Labels, GaugeDataPointSnapshot> points) {
    GaugeSnapshot.Builder builder = GaugeSnapshot.builder().name(name).help(help);
    points.values().forEach(builder::dataPoint);
    return builder.build();
  }

  private static GaugeDataPointSnapshot point(double value, String... labels) {
    return point(Labels.of(labels), value);
  }

  private static GaugeDataPointSnapshot point(Labels labels, double value) {
    return GaugeDataPointSnapshot.builder().labels(labels).value(value).build();
  }
}

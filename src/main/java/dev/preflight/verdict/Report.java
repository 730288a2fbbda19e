package dev.preflight.verdict;

import dev.preflight.catalog.Scenario;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Everything a renderer needs: what was judged, when, in which context, the verdict and its root
 * causes. Built by {@link Judge}; renderers only format it.
 *
 * @param findings the failures and warnings grouped by root cause, most consequential first (see
 *     {@link Findings})
 */
public record Report(
    Mode mode,
    String toolVersion,
    Instant startedAt,
    Duration duration,
    List<Scenario> scenarios,
    Verdict verdict,
    Environment environment,
    List<String> warnings,
    List<ServiceResult> services,
    List<Finding> findings) {

  /** The contract's {@code schemaVersion}: bump only for an unavoidable break. */
  public static final int SCHEMA_VERSION = 1;

  /** Live probing or offline policy evaluation. */
  public enum Mode {
    CHECK("check"),
    ANALYZE("analyze");

    private final String id;

    Mode(String id) {
      this.id = id;
    }

    public String id() {
      return id;
    }
  }

  public Report {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(toolVersion, "toolVersion");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(duration, "duration");
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(environment, "environment");
    scenarios = List.copyOf(scenarios);
    warnings = List.copyOf(warnings);
    services = List.copyOf(services);
    findings = List.copyOf(findings);
  }

  /** Every endpoint result, service by service. */
  public List<EndpointResult> endpoints() {
    return services.stream().flatMap(s -> s.endpoints().stream()).toList();
  }

  /** How many endpoints passed, failed, warned and were skipped. */
  public Counts counts() {
    return Counts.of(endpoints());
  }
}

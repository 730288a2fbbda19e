package dev.preflight.monitor;

import dev.preflight.verdict.Status;
import dev.preflight.verdict.Verdict;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The part of a contract JSON report that {@code diff} and the dashboard compare and show, read
 * back by {@link ReportReader} from a file or from serve's history.
 *
 * @param source where the report came from: a file name or {@code run 42}
 * @param mode {@code check} or {@code analyze}
 * @param startedAt when the run started
 * @param durationMs how long it took
 * @param verdict the verdict
 * @param warnings what the run could not judge
 * @param endpoints every endpoint, in report order
 */
public record ReportSummary(
    String source,
    String mode,
    Instant startedAt,
    long durationMs,
    Verdict verdict,
    List<String> warnings,
    List<Endpoint> endpoints) {

  public ReportSummary {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(verdict, "verdict");
    warnings = List.copyOf(warnings);
    endpoints = List.copyOf(endpoints);
  }

  /** The endpoints that failed or warned, in report order. */
  public List<Endpoint> problems() {
    return endpoints.stream().filter(Endpoint::isProblem).toList();
  }

  /**
   * One endpoint of the report.
   *
   * @param id the catalog entry id
   * @param service the service's display name
   * @param target the URL or {@code host:port} probed
   * @param host the host; with {@code id} it names the endpoint across reports (an entry for domain
   *     controllers appears once per controller)
   * @param status PASS, WARN, FAIL or SKIP
   * @param cause the cause code, or null (a string: a newer report may have codes this version does
   *     not know)
   * @param detail what was observed
   * @param remedy what to change, or null
   * @param totalMs the probe's total time, or null when unknown
   */
  public record Endpoint(
      String id,
      String service,
      String target,
      String host,
      Status status,
      @Nullable String cause,
      String detail,
      @Nullable String remedy,
      @Nullable Long totalMs) {

    /** The name that identifies this endpoint across two reports. */
    public String key() {
      return id + " " + host;
    }

    /** True for FAIL and WARN. */
    public boolean isProblem() {
      return status == Status.FAIL || status == Status.WARN;
    }
  }
}

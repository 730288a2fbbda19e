package dev.preflight.monitor;

import dev.preflight.catalog.Catalog;
import dev.preflight.report.JsonReportRenderer;
import dev.preflight.run.CheckSettings;
import dev.preflight.verdict.Report;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * {@code preflight serve}: {@code check} on a schedule, each run stored in the {@link History} and
 * exposed through the {@link MonitorServer}. The last run stays available to every request until
 * the next one ends; after a restart the last stored run is shown (its metrics only once a new run
 * ends, since metrics describe live results).
 */
public final class Monitor implements AutoCloseable {
  /** Runs one check of {@code catalog} with {@code settings}; network trouble never throws. */
  @FunctionalInterface
  public interface Checker {
    Report run(Catalog catalog, CheckSettings settings);
  }

  /** How long closing waits for a run in progress before abandoning it (SIGTERM: exit in 2 s). */
  static final Duration GRACE = Duration.ofMillis(1200);

  /** The smallest change in an endpoint's total time shown as slower or faster. */
  static final Duration TIMING_THRESHOLD = Duration.ofMillis(500);

  private final Checker checker;
  private final Catalog catalog;
  private final CheckSettings settings;
  private final ServeSettings serve;
  private final History history;
  private final Consumer<String> log;
  private final Clock clock;
  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final Counter skipped;
  private final Counter storeErrors;
  private final Scheduler scheduler;
  private final CountDownLatch closed = new CountDownLatch(1);
  private volatile @Nullable RunState state;
  private @Nullable MonitorServer server;

  /**
   * @param log receives one line for each run and each problem (standard error in the command)
   */
  public Monitor(
      Checker checker,
      Catalog catalog,
      CheckSettings settings,
      ServeSettings serve,
      History history,
      Consumer<String> log,
      Clock clock) {
    this.checker = Objects.requireNonNull(checker, "checker");
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.serve = Objects.requireNonNull(serve, "serve");
    this.history = Objects.requireNonNull(history, "history");
    this.log = Objects.requireNonNull(log, "log");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.skipped =
        Counter.builder()
            .name("preflight_runs_skipped_total")
            .help("Scheduled runs not started because the previous run was still going.")
            .register(registry);
    this.storeErrors =
        Counter.builder()
            .name("preflight_history_errors_total")
            .help("Runs that could not be stored in the history database.")
            .register(registry);
    registry.register(new ReportMetrics(this::lastReport));
    JvmMetrics.builder().register(registry);
    this.scheduler =
        new Scheduler(serve.interval(), this::runOnce, skipped::inc, RandomGenerator.getDefault());
    this.state = restored();
  }

  /** Starts serving and the schedule (its first run at once). */
  public void start() throws IOException {
    server = MonitorServer.start(this, serve.listen(), serve.access(), settings.timeout());
    scheduler.start();
  }

  /** The address actually bound (the port is chosen when {@code --listen} asks for port 0). */
  public java.net.InetSocketAddress address() {
    return Objects.requireNonNull(server, "not started").address();
  }

  /** Blocks until {@link #close} has finished. */
  public void awaitClosed() throws InterruptedException {
    closed.await();
  }

  /** Stops serving, finishes or abandons the current run, and closes the history. */
  @Override
  public void close() {
    if (server != null) {
      server.close();
    }
    scheduler.close(GRACE);
    history.close();
    closed.countDown();
  }

  /** One scheduled run: check, store, prune, and make it the current state. */
  void runOnce() {
    try {
      Report report = checker.run(catalog, settings);
      String json = json(report);
      long id = store(report, json);
      RunState previous = state;
      ReportSummary summary = ReportReader.read(json, "run " + id);
      ReportDiff changes =
          previous == null ? null : ReportDiff.of(previous.summary(), summary, TIMING_THRESHOLD);
      state = new RunState(id, report, json, summary, changes);
      log.accept(
          "preflight serve: run "
              + id
              + ": "
              + report.verdict()
              + " in "
              + report.duration().toMillis()
              + " ms"
              + (changes == null ? "" : ", " + changes.changes().size() + " endpoints changed"));
    } catch (RuntimeException e) {
      log.accept("preflight serve: the run failed: " + e.getMessage());
    }
  }

  /** Stores the run and prunes old ones; a failure is logged and counted, never silent. */
  private long store(Report report, String json) {
    try {
      long id = history.record(report, json);
      history.prune(clock.instant(), serve.retention());
      return id;
    } catch (SQLException e) {
      storeErrors.inc();
      log.accept(
          "preflight serve: "
              + history.file()
              + ": this run was not stored: "
              + HistoryErrors.reason(e));
      return 0;
    }
  }

  /** The last stored run and its difference from the one before, read back at start-up. */
  private @Nullable RunState restored() {
    try {
      List<Long> ids = history.latestIds(2);
      if (ids.isEmpty()) {
        return null;
      }
      ReportSummary last = history.summary(ids.get(0));
      ReportDiff changes =
          ids.size() < 2
              ? null
              : ReportDiff.of(history.summary(ids.get(1)), last, TIMING_THRESHOLD);
      return new RunState(
          ids.get(0), null, history.report(ids.get(0)).orElseThrow(), last, changes);
    } catch (SQLException e) {
      throw HistoryErrors.of(history.file(), e);
    }
  }

  @Nullable RunState state() {
    return state;
  }

  private @Nullable Report lastReport() {
    RunState current = state;
    return current == null ? null : current.report();
  }

  Catalog catalog() {
    return catalog;
  }

  CheckSettings settings() {
    return settings;
  }

  Checker checker() {
    return checker;
  }

  History history() {
    return history;
  }

  PrometheusRegistry registry() {
    return registry;
  }

  static String json(Report report) {
    StringWriter out = new StringWriter();
    try {
      new JsonReportRenderer().render(report, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}

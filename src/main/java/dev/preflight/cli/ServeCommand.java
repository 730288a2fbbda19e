package dev.preflight.cli;

import dev.preflight.catalog.Catalog;
import dev.preflight.common.HostPort;
import dev.preflight.common.InputException;
import dev.preflight.common.InputFiles;
import dev.preflight.common.InputKind;
import dev.preflight.common.IpAddress;
import dev.preflight.monitor.Access;
import dev.preflight.monitor.History;
import dev.preflight.monitor.Monitor;
import dev.preflight.monitor.ServeSettings;
import dev.preflight.probe.ProbeContext;
import dev.preflight.run.CheckRun;
import dev.preflight.run.CheckSettings;
import dev.preflight.run.SystemCheck;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code preflight serve}: runs {@code check} on a schedule and serves Prometheus metrics, a
 * blackbox-style {@code /probe}, the last report, the history and a dashboard over HTTP until it is
 * stopped (SIGTERM or Ctrl-C: it exits within two seconds). Bad options, a token file that cannot
 * be read, a history database that is corrupt or locked, or a port in use end it at once with exit
 * 3.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Runs check on a schedule and serves metrics, /probe, a dashboard and the history.",
      "Serves Prometheus metrics, a blackbox-style /probe, an HTML dashboard and the history of",
      "verdicts; takes every option of check that says what to probe."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"3:bad options, an unreadable token file, a corrupt or locked history"})
final class ServeCommand extends CommandBase {
  private static final int MIN_TOKEN = 16;

  @Option(
      names = "--listen",
      paramLabel = "ADDR:PORT",
      defaultValue = "127.0.0.1:9464",
      converter = ListenConverter.class,
      description =
          "Address and port to serve on (default: ${DEFAULT-VALUE}); anything but loopback needs"
              + " --token.")
  InetSocketAddress listen = new InetSocketAddress("127.0.0.1", ListenConverter.DEFAULT_PORT);

  @Option(
      names = "--interval",
      paramLabel = "DURATION",
      defaultValue = "5m",
      converter = DurationConverter.class,
      description = "Time between runs, give or take a tenth (default: ${DEFAULT-VALUE}).")
  Duration interval = Duration.ofMinutes(5);

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      description =
          "Directory for the history database (default: $XDG_STATE_HOME/preflight or"
              + " ~/.local/state/preflight).")
  @Nullable Path dataDir;

  @Option(
      names = "--retention",
      paramLabel = "DURATION",
      defaultValue = "30d",
      converter = RetentionConverter.class,
      description =
          "How long stored runs are kept: 30d, 12h or ISO-8601 (default: ${DEFAULT-VALUE}).")
  Duration retention = Duration.ofDays(30);

  @Option(
      names = "--token",
      paramLabel = "FILE",
      description = "File holding the token every request must present (Bearer or Basic password).")
  @Nullable Path token;

  @Option(
      names = "--metrics-public",
      description = "Serve /metrics without the token (the other paths still need it).")
  boolean metricsPublic;

  @Mixin CheckOptions options = new CheckOptions();

  @Override
  public Integer call() throws IOException, InterruptedException {
    PrintWriter err = err();
    ServeSettings serve = serveSettings();
    CheckSettings settings = options.settings(environment());
    Catalog catalog = options.catalog();
    RunObserver observer = new RunObserver(err, false, debug(), settings.timeout());
    ProbeContext context = SystemCheck.context(settings, observer);
    CheckSettings routed = options.withRoutes(settings, context);
    History history = History.open(serve.dataDir());
    Monitor monitor =
        new Monitor(
            (c, s) -> checkRun(context).run(c, s, observer),
            catalog,
            routed,
            serve,
            history,
            line -> log(err, line),
            Clock.systemUTC());
    start(monitor, serve.listen());
    Runtime.getRuntime().addShutdownHook(new Thread(monitor::close, "preflight-serve-stop"));
    log(err, "preflight serve: listening on http://" + hostPort(monitor.address()) + "/");
    monitor.awaitClosed();
    return 0;
  }

  /** Each run asks DNS afresh: answers are shared within a run, never across runs. */
  private static CheckRun checkRun(ProbeContext context) {
    return SystemCheck.create(SystemCheck.nextRun(context), Version.current());
  }

  private static void start(Monitor monitor, InetSocketAddress listen) throws IOException {
    try {
      monitor.start();
    } catch (BindException e) {
      monitor.close();
      throw new InputException(
          "--listen", "cannot listen on " + hostPort(listen) + ": " + bindReason(e));
    }
  }

  private static String bindReason(BindException e) {
    String text = e.getMessage() == null ? "" : e.getMessage().toLowerCase(java.util.Locale.ROOT);
    return text.contains("in use")
        ? "the port is in use"
        : text.contains("assign") ? "no such address on this machine" : "the system refused";
  }

  ServeSettings serveSettings() {
    Access access = access();
    String host = listen.getHostString();
    if (!access.requiresToken() && !IpAddress.parse(host).isLoopback()) {
      throw new InputException(
          "--listen",
          hostPort(listen)
              + " is reachable from other machines: give --token FILE, or listen on 127.0.0.1");
    }
    return new ServeSettings(listen, interval, dataDir(), retention, access);
  }

  private Access access() {
    if (token == null) {
      if (metricsPublic) {
        throw new InputException("--metrics-public", "makes sense only with --token FILE");
      }
      return Access.open();
    }
    String text = InputFiles.readText(token, InputKind.TOKEN).strip();
    if (text.length() < MIN_TOKEN || text.chars().anyMatch(c -> c <= ' ')) {
      throw new InputException(
          token.toString(),
          "the token must be one line of at least " + MIN_TOKEN + " characters without spaces");
    }
    return Access.token(text, metricsPublic);
  }

  private Path dataDir() {
    if (dataDir != null) {
      return dataDir;
    }
    String state = environment().get("XDG_STATE_HOME");
    Path base =
        state != null && !state.isBlank()
            ? Path.of(state)
            : Path.of(System.getProperty("user.home"), ".local", "state");
    return base.resolve("preflight");
  }

  private static String hostPort(InetSocketAddress address) {
    String host = address.getHostString();
    return HostPort.authority(host, address.getPort());
  }

  private static void log(PrintWriter err, String line) {
    synchronized (err) {
      err.println(line);
      err.flush();
    }
  }
}

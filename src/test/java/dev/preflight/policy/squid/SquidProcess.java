package dev.preflight.policy.squid;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Squid ({@code /usr/sbin/squid}) in the foreground on a loopback port, confined to a work
 * directory. It never reaches out: {@code never_direct allow all} with no {@code cache_peer} keeps
 * it from opening any outgoing connection, and its only DNS server is 127.0.0.1, where nothing
 * listens. Each rule set is swapped in with a reconfigure (SIGHUP); a generation marker in a {@code
 * deny_info} redirect tells when the new rules are live.
 */
final class SquidProcess implements AutoCloseable {
  static final Path SQUID = Path.of("/usr/sbin/squid");
  private static final Duration START_DEADLINE = Duration.ofSeconds(20);

  private final Path dir;
  private final int port;
  private final Process process;
  private int generation;

  private SquidProcess(Path dir, int port, Process process) {
    this.dir = dir;
    this.port = port;
    this.process = process;
  }

  static SquidProcess start(Path dir, String rules) throws IOException, InterruptedException {
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
    int port = freePort();
    Files.writeString(dir.resolve("rules.conf"), rules);
    Files.writeString(dir.resolve("squid.conf"), mainConfig(dir, port, 0));
    Process process =
        new ProcessBuilder(SQUID.toString(), "-N", "-f", dir.resolve("squid.conf").toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("squid.out").toFile())
            .start();
    SquidProcess squid = new SquidProcess(dir, port, process);
    try {
      squid.awaitGeneration(0);
    } catch (IOException | RuntimeException e) {
      squid.close();
      throw e;
    }
    return squid;
  }

  int port() {
    return port;
  }

  /** Replaces the rules and returns once Squid answers with them. */
  void reconfigure(String rules) throws IOException, InterruptedException {
    generation++;
    Files.writeString(dir.resolve("rules.conf"), rules);
    Files.writeString(dir.resolve("squid.conf"), mainConfig(dir, port, generation));
    // What squid -k reconfigure does, without starting a second squid to read the PID file.
    Process signal =
        new ProcessBuilder("kill", "-HUP", Long.toString(process.pid()))
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("reconfigure.out").toFile())
            .start();
    if (!signal.waitFor(10, TimeUnit.SECONDS) || signal.exitValue() != 0) {
      signal.destroyForcibly();
      throw new IOException("could not signal squid to reconfigure");
    }
    awaitGeneration(generation);
  }

  private void awaitGeneration(int wanted) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + START_DEADLINE.toNanos();
    String marker = "generation-" + wanted + ".invalid";
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException("squid exited: " + Files.readString(dir.resolve("squid.out")));
      }
      try {
        ProxyClient.Answer answer =
            ProxyClient.send(
                port, "GET http://probe.canary.invalid/ HTTP/1.1", "probe.canary.invalid");
        if (answer.headers().contains(marker)) {
          return;
        }
      } catch (IOException notYet) {
        // Squid is still starting or reopening its port.
      }
      Thread.sleep(10);
    }
    throw new IOException(
        "squid did not load generation "
            + wanted
            + " in time: "
            + log("squid.out")
            + "\nsquid -k parse says:\n"
            + parseReport());
  }

  /** Whether {@code squid -k parse} accepts the main configuration with {@code rules} in it. */
  boolean accepts(String rules) throws IOException, InterruptedException {
    Files.writeString(dir.resolve("candidate.conf"), rules);
    String main =
        mainConfig(dir, port, generation)
            .replace(
                dir.resolve("rules.conf").toString(), dir.resolve("candidate.conf").toString());
    Files.writeString(dir.resolve("check.conf"), main);
    Process parse =
        new ProcessBuilder(
                SQUID.toString(), "-k", "parse", "-f", dir.resolve("check.conf").toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("check.out").toFile())
            .start();
    if (!parse.waitFor(10, TimeUnit.SECONDS)) {
      parse.destroyForcibly();
      throw new IOException("squid -k parse did not finish");
    }
    return parse.exitValue() == 0;
  }

  private String parseReport() throws IOException, InterruptedException {
    Process parse =
        new ProcessBuilder(
                SQUID.toString(), "-k", "parse", "-f", dir.resolve("squid.conf").toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("parse.out").toFile())
            .start();
    if (!parse.waitFor(10, TimeUnit.SECONDS)) {
      parse.destroyForcibly();
    }
    return log("parse.out");
  }

  private String log(String name) throws IOException {
    Path file = dir.resolve(name);
    if (!Files.exists(file)) {
      return "";
    }
    List<String> lines = Files.readAllLines(file);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
  }

  private static String mainConfig(Path dir, int port, int generation) {
    return String.join(
        "\n",
        List.of(
            "http_port 127.0.0.1:" + port,
            "pid_filename " + dir.resolve("squid.pid"),
            "cache_log " + dir.resolve("cache.log"),
            "access_log none",
            "cache deny all",
            "cache_mem 8 MB",
            "coredump_dir " + dir,
            "dns_nameservers 127.0.0.1",
            "pinger_enable off",
            "never_direct allow all",
            "shutdown_lifetime 0 seconds",
            "auth_param basic program /usr/lib/squid/basic_fake_auth",
            "auth_param basic children 1 startup=0 idle=1",
            "acl canary dstdomain .canary.invalid",
            "deny_info http://generation-" + generation + ".invalid/ canary",
            "http_access deny canary",
            "include " + dir.resolve("rules.conf"),
            ""));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress("127.0.0.1", 0));
      return socket.getLocalPort();
    }
  }

  /** Whether nothing else listens where the test expects Squid: used to check it is gone. */
  boolean portClosed() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
      return false;
    } catch (IOException e) {
      return true;
    }
  }

  @Override
  public void close() {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}

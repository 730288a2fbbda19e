package dev.preflight.policy.squid;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Squid reading a copied {@code /etc/squid} exactly where the copy's absolute paths point:
 * in its own mount namespace the copy is bind-mounted over {@code /etc/squid}, so {@code include
 * /etc/squid/conf.d/*.conf} reads the copy's files. It runs the configuration unchanged, stock
 * {@code http_port 3128} included, in its own network namespace that has only a loopback device
 * with {@link #ADDRESS}: nothing it does can leave the namespace. Every requested host resolves
 * (from a hosts file mounted over {@code /etc/hosts}) to an address without a route, so an allowed
 * request fails at once upstream and the answer says only what the access rules decided. Needs
 * root.
 */
final class NamespacedSquid implements AutoCloseable {
  /** The proxy's and the client's address: neither localhost nor in the stock localnet acl. */
  static final String ADDRESS = "198.18.0.2";

  private static final String UNROUTED = "198.18.0.3";
  private static final int STOCK_PORT = 3128;
  private static final Duration DEADLINE = Duration.ofSeconds(30);
  private static final Path SQUID = Path.of("/usr/sbin/squid");

  private final Process process;
  private final Path work;

  private NamespacedSquid(Process process, Path work) {
    this.process = process;
    this.work = work;
  }

  /** Whether this machine can run it: root, util-linux's unshare and nsenter, and squid. */
  static boolean available() {
    return "root".equals(System.getProperty("user.name"))
        && Files.isExecutable(Path.of("/usr/bin/unshare"))
        && Files.isExecutable(Path.of("/usr/bin/nsenter"))
        && Files.isExecutable(SQUID);
  }

  /** What {@code squid -k parse} says of the copy: its exit code and output. */
  static ParseResult parse(Path etcSquid, Path work) throws IOException, InterruptedException {
    Path out = work.resolve("parse.out");
    Process parse =
        new ProcessBuilder(
                "unshare",
                "--mount",
                "--",
                "sh",
                "-c",
                "mount --bind \"$0\" /etc/squid && exec "
                    + SQUID
                    + " -k parse -f /etc/squid/squid.conf",
                etcSquid.toString())
            .redirectErrorStream(true)
            .redirectOutput(out.toFile())
            .start();
    if (!parse.waitFor(DEADLINE.toSeconds(), TimeUnit.SECONDS)) {
      parse.destroyForcibly();
      throw new IOException("squid -k parse did not finish within " + DEADLINE);
    }
    return new ParseResult(parse.exitValue(), Files.readString(out));
  }

  /** squid -k parse's exit code and output. */
  record ParseResult(int exitCode, String output) {}

  /** Starts Squid on the copy; returns once it accepts connections. */
  static NamespacedSquid start(Path etcSquid, Path work, Collection<String> hosts)
      throws IOException, InterruptedException {
    for (String dir : List.of("log", "spool")) {
      Path created = Files.createDirectories(work.resolve(dir));
      Files.setPosixFilePermissions(created, PosixFilePermissions.fromString("rwxrwxrwx"));
    }
    StringBuilder hostsFile = new StringBuilder("127.0.0.1 localhost\n");
    hosts.forEach(h -> hostsFile.append(UNROUTED).append(' ').append(h).append('\n'));
    Files.writeString(work.resolve("hosts"), hostsFile);
    Files.writeString(work.resolve("resolv.conf"), "nameserver 127.0.0.1\n");
    Path script = Files.writeString(work.resolve("run.sh"), script());
    Process process =
        new ProcessBuilder(
                "unshare",
                "--mount",
                "--net",
                "--",
                "sh",
                script.toString(),
                etcSquid.toString(),
                work.toString())
            .redirectErrorStream(true)
            .redirectOutput(work.resolve("squid.out").toFile())
            .start();
    NamespacedSquid squid = new NamespacedSquid(process, work);
    try {
      squid.awaitListening();
    } catch (IOException | RuntimeException e) {
      squid.close();
      throw e;
    }
    return squid;
  }

  private static String script() {
    return String.join(
        "\n",
        "set -e",
        "ip link set lo up",
        "ip addr add " + ADDRESS + "/32 dev lo",
        "mount --bind \"$1\" /etc/squid",
        "mount --bind \"$2/log\" /var/log/squid",
        "mount --bind \"$2/spool\" /var/spool/squid",
        "mount --bind \"$2/hosts\" /etc/hosts",
        "mount --bind \"$2/resolv.conf\" /etc/resolv.conf",
        "mount -t tmpfs tmpfs /run",
        "mkdir -p /run/squid && chown proxy:proxy /run/squid",
        "exec " + SQUID + " -N -f /etc/squid/squid.conf",
        "");
  }

  private void awaitListening() throws IOException, InterruptedException {
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    Path log = work.resolve("log/cache.log");
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException("squid exited: " + tail("squid.out") + "\n" + tail("log/cache.log"));
      }
      if (Files.exists(log)
          && Files.readString(log).contains("Accepting HTTP Socket connections")) {
        return;
      }
      Thread.sleep(20);
    }
    throw new IOException("squid did not start in time: " + tail("log/cache.log"));
  }

  /**
   * Sends each request ({@code REQUEST-LINE}, {@code HOST-HEADER}) from inside the namespace and
   * returns Squid's decision for each, in order.
   */
  List<String> ask(List<String[]> requests) throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process client =
        new ProcessBuilder(
                "nsenter",
                "--net=/proc/" + process.pid() + "/ns/net",
                "--",
                java,
                "-cp",
                System.getProperty("java.class.path"),
                ProxyClientMain.class.getName(),
                ADDRESS,
                Integer.toString(STOCK_PORT))
            .redirectError(work.resolve("client.err").toFile())
            .start();
    try (Writer in = client.outputWriter(StandardCharsets.UTF_8)) {
      for (String[] request : requests) {
        in.write(request[0] + "\t" + request[1] + "\n");
      }
    }
    List<String> answers = new ArrayList<>();
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = out.readLine()) != null; ) {
        answers.add(line);
      }
    }
    if (!client.waitFor(DEADLINE.toSeconds(), TimeUnit.SECONDS)) {
      client.destroyForcibly();
      throw new IOException("the client in the namespace did not finish");
    }
    if (answers.size() != requests.size()) {
      throw new IOException(
          "the client answered "
              + answers.size()
              + " of "
              + requests.size()
              + ": "
              + tail("client.err"));
    }
    return answers;
  }

  private String tail(String name) throws IOException {
    Path file = work.resolve(name);
    if (!Files.exists(file)) {
      return "";
    }
    List<String> lines = Files.readAllLines(file);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
  }

  @Override
  public void close() {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

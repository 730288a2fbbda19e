package dev.preflight.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Squid ({@code /usr/sbin/squid}) in the foreground on three loopback ports: {@link
 * #openPort()} allows everything but {@code .blocked.example.test}, {@link #authPort()} demands
 * Basic authentication, {@link #bumpPort()} decrypts TLS (ssl-bump) with {@link #INSPECTION_CA} as
 * an inspecting proxy does. Squid resolves names only from its own hosts file, which sends every
 * name given to 127.0.0.1, so it never asks DNS and never reaches beyond loopback.
 */
public final class SquidProxy implements AutoCloseable {
  public static final String BINARY = "/usr/sbin/squid";
  public static final String BLOCKED_DOMAIN = "blocked.example.test";

  private final Path directory;
  private final Process process;
  private final int openPort;
  private final int authPort;
  private final int bumpPort;

  /** The CA Squid mints host certificates with on the bump port. */
  public static final TestCertificates.Authority INSPECTION_CA =
      TestCertificates.root("CN=Squid Inspection CA,O=Example Corp");

  private SquidProxy(Path directory, Process process, int[] ports) {
    this.directory = directory;
    this.process = process;
    this.openPort = ports[0];
    this.authPort = ports[1];
    this.bumpPort = ports[2];
  }

  /** Starts Squid, mapping {@code names} to 127.0.0.1, and waits until it accepts connections. */
  public static SquidProxy start(String... names) throws IOException, InterruptedException {
    Path directory =
        Files.createTempDirectory(
            "squid",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxrwxrwx")));
    // Squid drops to the "proxy" user: the directory must stay writable for it.
    Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxrwxrwx"));
    int[] ports = {freePort(), freePort(), freePort()};
    writeCa(directory);
    initCertificateDatabase(directory);
    Files.writeString(
        directory.resolve("hosts"),
        "127.0.0.1 " + BLOCKED_DOMAIN + " " + String.join(" ", names) + "\n",
        StandardCharsets.US_ASCII);
    Files.writeString(directory.resolve("squid.conf"), config(directory, ports));
    Process process =
        new ProcessBuilder(BINARY, "-N", "-f", directory.resolve("squid.conf").toString())
            .directory(directory.toFile())
            .redirectErrorStream(true)
            .redirectOutput(directory.resolve("out.log").toFile())
            .start();
    SquidProxy squid = new SquidProxy(directory, process, ports);
    squid.awaitListening(Duration.ofSeconds(15));
    return squid;
  }

  public int openPort() {
    return openPort;
  }

  public int authPort() {
    return authPort;
  }

  public int bumpPort() {
    return bumpPort;
  }

  private static String config(Path directory, int[] ports) {
    return String.join(
        "\n",
        List.of(
            "http_port 127.0.0.1:" + ports[0],
            "http_port 127.0.0.1:" + ports[1],
            "http_port 127.0.0.1:"
                + ports[2]
                + " ssl-bump generate-host-certificates=on"
                + " dynamic_cert_mem_cache_size=4MB tls-cert="
                + directory.resolve("ca.pem")
                + " tls-key="
                + directory.resolve("ca.key"),
            "sslcrtd_program /usr/lib/squid/security_file_certgen -s "
                + directory.resolve("ssl_db")
                + " -M 4MB",
            "acl step1 at_step SslBump1",
            "ssl_bump peek step1",
            "ssl_bump bump all",
            // The loopback origins use minted certificates Squid cannot verify.
            "tls_outgoing_options flags=DONT_VERIFY_PEER",
            "acl authport localport " + ports[1],
            "auth_param basic program /usr/lib/squid/basic_fake_auth",
            "auth_param basic realm preflight-test",
            "acl authed proxy_auth REQUIRED",
            "acl blocked dstdomain ." + BLOCKED_DOMAIN,
            "http_access deny authport !authed",
            "http_access deny blocked",
            "http_access allow all",
            "cache deny all",
            "pinger_enable off",
            "hosts_file " + directory.resolve("hosts"),
            "dns_nameservers 127.0.0.1",
            "cache_log " + directory.resolve("cache.log"),
            "access_log none",
            "pid_filename " + directory.resolve("squid.pid"),
            "coredump_dir " + directory,
            "shutdown_lifetime 0 seconds",
            ""));
  }

  private void awaitListening(Duration limit) throws IOException, InterruptedException {
    long end = System.nanoTime() + limit.toNanos();
    while (System.nanoTime() < end) {
      if (!process.isAlive()) {
        throw new IOException("squid exited: " + Files.readString(directory.resolve("out.log")));
      }
      try (Socket probe = new Socket()) {
        probe.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), authPort), 200);
        return;
      } catch (IOException e) {
        Thread.sleep(100);
      }
    }
    close();
    throw new IOException("squid did not listen within " + limit);
  }

  private static void writeCa(Path directory) throws IOException {
    try (var pem =
        new org.bouncycastle.openssl.jcajce.JcaPEMWriter(
            Files.newBufferedWriter(directory.resolve("ca.pem")))) {
      pem.writeObject(INSPECTION_CA.certificate());
    }
    try (var pem =
        new org.bouncycastle.openssl.jcajce.JcaPEMWriter(
            Files.newBufferedWriter(directory.resolve("ca.key")))) {
      pem.writeObject(
          new org.bouncycastle.openssl.jcajce.JcaPKCS8Generator(INSPECTION_CA.key(), null));
    }
  }

  private static void initCertificateDatabase(Path directory)
      throws IOException, InterruptedException {
    Process init =
        new ProcessBuilder(
                "/usr/lib/squid/security_file_certgen",
                "-c",
                "-s",
                directory.resolve("ssl_db").toString(),
                "-M",
                "4MB")
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    if (!init.waitFor(10, TimeUnit.SECONDS) || init.exitValue() != 0) {
      throw new IOException("security_file_certgen could not create the certificate database");
    }
    try (var files = Files.walk(directory)) {
      for (Path file : files.toList()) {
        Files.setPosixFilePermissions(
            file,
            PosixFilePermissions.fromString(Files.isDirectory(file) ? "rwxrwxrwx" : "rw-rw-rw-"));
      }
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    deleteDirectory();
  }

  private void deleteDirectory() {
    try (var files = Files.walk(directory)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // A leftover temporary directory is harmless.
    }
  }
}

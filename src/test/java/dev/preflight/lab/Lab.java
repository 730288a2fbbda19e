package dev.preflight.lab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The network lab ({@code lab/lab.sh}) as tests drive it: it is brought up once, faults are
 * switched per test, and {@link #close()} tears it down. A JVM shutdown hook tears it down too, so
 * an interrupted run leaves no namespace or server behind. Every script call has a deadline.
 */
final class Lab implements AutoCloseable {
  /** The lab instance ({@code PFL_LAB_NAME}, default {@code pfl}) that lab.sh also reads. */
  static final String NAME = labName();

  static final String CLIENT_NAMESPACE = NAME + "-client";
  static final String DNS_SERVER = "198.19.0.53";
  static final String PROXY = "http://198.19.0.8:3128";
  static final Path CA_FILE =
      Path.of(
          NAME.equals("pfl") ? "/run/preflight-lab" : "/run/preflight-lab-" + NAME, "ca/root.pem");
  static final String WEB_ADDRESS = "198.19.0.10";

  /** Shipped-catalog hosts the tests aim faults at. */
  static final String BLOCKING_HOST = "ztd.dds.microsoft.com";

  static final String DEGRADED_HOST = "tsfe.trafficshaping.dsp.mp.microsoft.com";
  static final String NCSI_HOST = "www.msftconnecttest.com";

  /** NCSI's IPv6 web probe: IPv6-only on the internet, and in the lab with the ipv6-only fault. */
  static final String NCSI_IPV6_HOST = "ipv6.msftconnecttest.com";

  static final String NTP_HOST = "time.windows.com";
  static final String DC_HOST = "dc1.corp.example";
  static final String DC_LOCATOR = "_ldap._tcp.dc._msdcs.corp.example";

  private static final Duration UP_DEADLINE = Duration.ofSeconds(60);
  private static final Duration FAULT_DEADLINE = Duration.ofSeconds(30);

  private final Path repository;
  private final Thread shutdownHook;
  private final List<String> faults = new ArrayList<>();
  private boolean closed;

  private Lab(Path repository) {
    this.repository = repository;
    this.shutdownHook = new Thread(this::down, "network-lab-teardown");
  }

  private static String labName() {
    String name = System.getenv("PFL_LAB_NAME");
    return name == null || name.isBlank() ? "pfl" : name;
  }

  /** Brings the lab up (tearing down any leftover first) and returns its handle. */
  static Lab start(Path repository) {
    Lab lab = new Lab(repository);
    Runtime.getRuntime().addShutdownHook(lab.shutdownHook);
    lab.script(UP_DEADLINE, "up");
    return lab;
  }

  Path repository() {
    return repository;
  }

  /** Switches a fault on; {@code args} are its host, "all" or value (see {@code lab.sh faults}). */
  void fault(String name, String... args) {
    List<String> command = new ArrayList<>(List.of("fault", name, "on"));
    command.addAll(List.of(args));
    script(FAULT_DEADLINE, command.toArray(String[]::new));
    faults.add((name + " " + String.join(" ", args)).strip());
  }

  /** The faults switched on since the last {@link #clear()}, for log lines; "none" when clean. */
  String faults() {
    return faults.isEmpty() ? "none" : String.join(", ", faults);
  }

  /** Switches every fault off. */
  void clear() {
    script(FAULT_DEADLINE, "clear");
    faults.clear();
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    down();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException shuttingDown) {
      // The hook is already running or has run: nothing left to remove.
    }
  }

  private synchronized void down() {
    if (!closed) {
      closed = true;
      script(UP_DEADLINE, "down");
    }
  }

  private void script(Duration deadline, String... args) {
    List<String> command = new ArrayList<>(List.of(repository.resolve("lab/lab.sh").toString()));
    command.addAll(List.of(args));
    Path output = null;
    try {
      output = Files.createTempFile("preflight-lab", ".log");
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(output.toFile())
              .start();
      if (!process.waitFor(deadline.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(command + " did not finish within " + deadline);
      }
      if (process.exitValue() != 0) {
        String log = Files.readString(output, StandardCharsets.UTF_8);
        throw new IllegalStateException(command + " failed (" + process.exitValue() + "):\n" + log);
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + command, e);
    } finally {
      deleteQuietly(output);
    }
  }

  private static void deleteQuietly(Path file) {
    if (file != null) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException ignored) {
        // A leftover temporary log file is harmless.
      }
    }
  }
}

package dev.preflight.probe.net;

import dev.preflight.common.InputException;
import dev.preflight.common.InputFiles;
import dev.preflight.common.InputKind;
import dev.preflight.common.IpAddress;
import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The machine a report was made on: its host name, its addresses and the interface of its default
 * route. Finding them sends no packet: the name comes from the kernel (or the {@code hostname}
 * command where there is no {@code /proc}), the addresses from the network interfaces, and the
 * default route from connecting a UDP socket, which only consults the routing table.
 *
 * @param name the host name, or null when it cannot be read
 * @param addresses the addresses of the interfaces that are up, loopback and link-local left out
 * @param defaultInterface the interface the default route leaves through, or null without one
 */
public record LocalMachine(
    @Nullable String name, List<String> addresses, @Nullable String defaultInterface) {
  public static final LocalMachine UNKNOWN = new LocalMachine(null, List.of(), null);

  /** Beyond every specific route: TEST-NET-3 and the IPv6 documentation prefix (RFC 5737, 3849). */
  private static final List<String> ROUTE_PROBES = List.of("203.0.113.1", "2001:db8::1");

  private static final Path KERNEL_HOST_NAME = Path.of("/proc/sys/kernel/hostname");
  private static final InputKind HOST_NAME =
      new InputKind("the host name", 4096, 4096, Duration.ofSeconds(1), false, false);
  private static final Duration COMMAND_LIMIT = Duration.ofSeconds(2);

  public LocalMachine {
    addresses = List.copyOf(addresses);
  }

  /** This machine's facts; a fact that cannot be read is left out, never an error. */
  public static LocalMachine inspect() {
    String route =
        ROUTE_PROBES.stream()
            .map(probe -> interfaceTowards(IpAddress.parse(probe)))
            .filter(Objects::nonNull)
            .findFirst()
            .orElse(null);
    return new LocalMachine(hostName(), interfaceAddresses(), route);
  }

  /** The name of the interface a datagram to {@code destination} leaves through, or null. */
  static @Nullable String interfaceTowards(IpAddress destination) {
    try (DatagramSocket socket = new DatagramSocket()) {
      // connect() on UDP sends nothing: it picks the route and the source address.
      socket.connect(new InetSocketAddress(InetAddress.getByName(destination.text()), 9));
      InetAddress source = socket.getLocalAddress();
      NetworkInterface nic = source == null ? null : NetworkInterface.getByInetAddress(source);
      return nic == null ? null : nic.getName();
    } catch (IOException | RuntimeException e) {
      return null; // no route to that family
    }
  }

  static List<String> interfaceAddresses() {
    List<String> addresses = new ArrayList<>();
    try {
      for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
        if (nic.isUp() && !nic.isLoopback()) {
          nic.inetAddresses()
              .filter(a -> !a.isLoopbackAddress() && !a.isLinkLocalAddress())
              .map(a -> IpAddress.of(a.getAddress()).text())
              .forEach(addresses::add);
        }
      }
    } catch (SocketException e) {
      return List.of();
    }
    return addresses;
  }

  static @Nullable String hostName() {
    if (Files.exists(KERNEL_HOST_NAME)) {
      try {
        return nonEmpty(InputFiles.readText(KERNEL_HOST_NAME, HOST_NAME));
      } catch (InputException e) {
        return null;
      }
    }
    return fromCommand();
  }

  /** The {@code hostname} command (Windows, macOS, the BSDs), within a bound. */
  private static @Nullable String fromCommand() {
    try {
      Process process = new ProcessBuilder("hostname").redirectErrorStream(true).start();
      try (InputStream out = process.getInputStream()) {
        if (!process.waitFor(COMMAND_LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
          return null;
        }
        return process.exitValue() == 0
            ? nonEmpty(new String(out.readNBytes(4096), StandardCharsets.UTF_8))
            : null;
      } finally {
        process.destroyForcibly();
      }
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  private static @Nullable String nonEmpty(String text) {
    String line = text.strip();
    return line.isEmpty() || line.contains("\n") ? null : line;
  }
}

package dev.preflight.run.proxy;

import dev.preflight.common.InputException;
import dev.preflight.common.SystemTool;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;

/**
 * Reads this machine's own proxy settings and the WPAD URLs its DHCP leases carry, through the
 * operating system's tools (each bounded by {@link SystemTool}), all at once:
 *
 * <ul>
 *   <li>Windows: WinINET ({@link WinInetSettings}), then WinHTTP ({@link WinHttpSettings}); DHCP
 *       from the registry;
 *   <li>macOS: {@code scutil --proxy} ({@link ScutilProxy});
 *   <li>Linux and other Unix: the {@code *_PROXY} variables the caller read, then GNOME's setting
 *       ({@link GnomeProxy}) where gsettings exists; DHCP from NetworkManager.
 * </ul>
 *
 * A tool that is missing, fails or runs out of time contributes nothing: these settings inform the
 * check, they never stop it.
 */
public final class MachineProxy {
  /** Runs a system tool; returns its output, or null when it could not run. */
  @FunctionalInterface
  public interface Tools {
    @Nullable String output(List<String> command);
  }

  /**
   * What was read.
   *
   * @param settings the settings found, in the order the machine's clients prefer them
   * @param dhcp the WPAD URLs DHCP handed the interfaces
   */
  public record Reading(List<ProxySetting> settings, List<DhcpWpad> dhcp) {
    public Reading {
      settings = List.copyOf(settings);
      dhcp = List.copyOf(dhcp);
    }
  }

  private final Tools tools;
  private final String os;

  /**
   * @param os the {@code os.name} to read for ({@code Windows 11}, {@code Mac OS X}, {@code Linux})
   */
  public MachineProxy(Tools tools, String os) {
    this.tools = tools;
    this.os = os.toLowerCase(Locale.ROOT);
  }

  /** This machine's tools, each given {@code deadline}. */
  public static MachineProxy system(Duration deadline) {
    Tools tools =
        command -> {
          try {
            return SystemTool.run(deadline, command);
          } catch (InputException e) {
            return null;
          }
        };
    return new MachineProxy(tools, System.getProperty("os.name", ""));
  }

  /**
   * Reads the settings.
   *
   * @param variables the {@code *_PROXY} variables as a setting, or null when none is set; they
   *     count where they are the system's setting (Linux and other Unix)
   */
  public Reading read(@Nullable ProxySetting variables) {
    // Not try-with-resources: close() would wait for a stuck tool; each tool has its own deadline.
    ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
    try {
      if (os.startsWith("windows")) {
        return windows(pool);
      }
      if (os.startsWith("mac")) {
        return new Reading(present(ScutilProxy.parse(text(ScutilProxy.COMMAND))), List.of());
      }
      CompletableFuture<String> leases = run(pool, DhcpWpad.NMCLI);
      List<ProxySetting> settings = new ArrayList<>();
      if (variables != null) {
        settings.add(variables);
      }
      GnomeProxy.parse(text(GnomeProxy.COMMAND)).ifPresent(settings::add);
      return new Reading(settings, DhcpWpad.fromNmcli(leases.join()));
    } finally {
      pool.shutdownNow();
    }
  }

  private Reading windows(ExecutorService pool) {
    CompletableFuture<String> inet = run(pool, WinInetSettings.SETTINGS_QUERY);
    CompletableFuture<String> connections = run(pool, WinInetSettings.CONNECTIONS_QUERY);
    CompletableFuture<@Nullable String> winHttp =
        CompletableFuture.supplyAsync(() -> tools.output(WinHttpSettings.REGISTRY_QUERY), pool);
    CompletableFuture<String> dhcp = run(pool, DhcpWpad.REGISTRY_QUERY);
    List<ProxySetting> settings = new ArrayList<>();
    WinInetSettings.from(inet.join(), connections.join()).ifPresent(settings::add);
    String registry = winHttp.join();
    Optional<ProxySetting> http =
        registry != null
            ? WinHttpSettings.fromRegistry(registry)
            : WinHttpSettings.fromNetsh(text(WinHttpSettings.NETSH));
    http.ifPresent(settings::add);
    return new Reading(settings, DhcpWpad.fromRegistry(dhcp.join()));
  }

  private CompletableFuture<String> run(ExecutorService pool, List<String> command) {
    return CompletableFuture.supplyAsync(() -> text(command), pool);
  }

  private String text(List<String> command) {
    String output = tools.output(command);
    return output == null ? "" : output;
  }

  private static List<ProxySetting> present(Optional<ProxySetting> setting) {
    return setting.stream().toList();
  }
}

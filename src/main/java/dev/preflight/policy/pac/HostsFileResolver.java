package dev.preflight.policy.pac;

import dev.preflight.common.Display;
import dev.preflight.common.InputException;
import dev.preflight.common.InputFiles;
import dev.preflight.common.InputKind;
import dev.preflight.common.IpAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link PacResolver} answering from a hosts-format file. Names match case-insensitively; a name
 * listed on several lines resolves to every address, in file order.
 */
final class HostsFileResolver implements PacResolver {
  private final String file;
  private final Map<String, List<String>> addresses;

  private HostsFileResolver(String file, Map<String, List<String>> addresses) {
    this.file = file;
    this.addresses = addresses;
  }

  static HostsFileResolver load(Path path) {
    List<String> lines = InputFiles.readText(path, InputKind.HOSTS).lines().toList();
    Map<String, List<String>> map = new LinkedHashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      addLine(path.toString(), i + 1, lines.get(i), map);
    }
    map.replaceAll((name, list) -> List.copyOf(list));
    return new HostsFileResolver(path.toString(), map);
  }

  private static void addLine(String file, int number, String line, Map<String, List<String>> map) {
    int hash = line.indexOf('#');
    String content = (hash >= 0 ? line.substring(0, hash) : line).strip();
    if (content.isEmpty()) {
      return;
    }
    String[] fields = content.split("\\s+");
    // A zone index (fe80::1%lo0, as in macOS's hosts file) does not matter to a PAC script.
    int zone = fields[0].indexOf('%');
    Optional<IpAddress> address =
        IpAddress.tryParse(zone > 0 ? fields[0].substring(0, zone) : fields[0]);
    if (address.isEmpty()) {
      throw new InputException(
          file, number, "'" + Display.line(fields[0], 100) + "' is not an IP address");
    }
    if (fields.length < 2) {
      throw new InputException(file, number, "an address without a host name");
    }
    String canonical = address.get().text();
    for (int f = 1; f < fields.length; f++) {
      String name = normalize(fields[f]);
      map.computeIfAbsent(name, k -> new ArrayList<>()).add(canonical);
    }
  }

  @Override
  public List<String> lookup(String host) {
    return addresses.getOrDefault(normalize(host), List.of());
  }

  /** Lower case without a trailing dot: {@code Intranet.Corp.} and {@code intranet.corp} match. */
  private static String normalize(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
  }

  @Override
  public String mode() {
    return "hosts:" + file;
  }
}

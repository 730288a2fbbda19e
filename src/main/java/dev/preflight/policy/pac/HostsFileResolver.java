package dev.preflight.policy.pac;

import dev.preflight.common.InputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
    List<String> lines;
    try {
      lines = Files.readAllLines(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new InputException(path.toString(), 0, "cannot read hosts file: " + e.getMessage(), e);
    }
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
    byte[] address = IpAddresses.parse(fields[0]);
    if (address == null) {
      throw new InputException(file, number, "'" + fields[0] + "' is not an IP address");
    }
    if (fields.length < 2) {
      throw new InputException(file, number, "an address without a host name");
    }
    String canonical = IpAddresses.format(address);
    for (int f = 1; f < fields.length; f++) {
      String name = fields[f].toLowerCase(Locale.ROOT);
      map.computeIfAbsent(name, k -> new ArrayList<>()).add(canonical);
    }
  }

  @Override
  public List<String> lookup(String host) {
    return addresses.getOrDefault(host.toLowerCase(Locale.ROOT), List.of());
  }

  @Override
  public String mode() {
    return "hosts:" + file;
  }
}

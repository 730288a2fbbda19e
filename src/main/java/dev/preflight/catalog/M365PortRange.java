package dev.preflight.catalog;

import java.util.ArrayList;
import java.util.List;

/**
 * An inclusive range of ports, {@code first..last}, both within 1..65535. A single port is a range
 * whose ends are equal.
 */
record M365PortRange(int first, int last) {
  public M365PortRange {
    if (first < 1 || last > 65535 || first > last) {
      throw new IllegalArgumentException("bad port range " + first + "-" + last);
    }
  }

  /** How many ports the range holds. */
  int size() {
    return last - first + 1;
  }

  @Override
  public String toString() {
    return first == last ? Integer.toString(first) : first + "-" + last;
  }

  /**
   * Parses the web service's port syntax: comma-separated ports and {@code a-b} ranges, with
   * optional spaces ({@code "80,443"}, {@code "3478-3481"}).
   *
   * @throws IllegalArgumentException naming the offending item
   */
  static List<M365PortRange> parseList(String text) {
    List<M365PortRange> ranges = new ArrayList<>();
    for (String item : text.split(",", -1)) {
      String trimmed = item.strip();
      int dash = trimmed.indexOf('-');
      try {
        if (dash < 0) {
          int port = port(trimmed);
          ranges.add(new M365PortRange(port, port));
        } else {
          ranges.add(
              new M365PortRange(
                  port(trimmed.substring(0, dash)), port(trimmed.substring(dash + 1))));
        }
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "bad port '" + trimmed + "' (expected ports 1..65535 or ranges a-b, comma-separated)");
      }
    }
    return List.copyOf(ranges);
  }

  private static int port(String text) {
    String digits = text.strip();
    if (digits.isEmpty() || digits.length() > 5 || !digits.chars().allMatch(Character::isDigit)) {
      throw new IllegalArgumentException(text);
    }
    return Integer.parseInt(digits);
  }
}

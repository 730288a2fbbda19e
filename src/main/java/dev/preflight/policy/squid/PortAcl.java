package dev.preflight.policy.squid;

import dev.preflight.common.InputException;
import java.util.ArrayList;
import java.util.List;

/** {@code port}: the destination port against single ports and {@code low-high} ranges. */
final class PortAcl implements Acl {
  private final List<int[]> ranges = new ArrayList<>();

  @Override
  public String type() {
    return "port";
  }

  @Override
  public void add(List<AclValue> values) {
    for (AclValue value : values) {
      ranges.add(parse(value));
    }
  }

  private static int[] parse(AclValue value) {
    String[] parts = value.text().split("-", -1);
    try {
      int low = Integer.parseInt(parts[0]);
      int high = parts.length == 2 ? Integer.parseInt(parts[1]) : low;
      if (parts.length > 2 || low < 0 || high > 65535 || low > high) {
        throw new NumberFormatException();
      }
      return new int[] {low, high};
    } catch (NumberFormatException e) {
      throw new InputException(value.origin(), "invalid port or port range '" + value.text() + "'");
    }
  }

  @Override
  public Tri match(SquidRequest request) {
    return Tri.of(ranges.stream().anyMatch(r -> r[0] <= request.port() && request.port() <= r[1]));
  }
}

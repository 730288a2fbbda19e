package dev.preflight.verdict;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** The network context a report was made in. */
public record Environment(
    @Nullable String proxy, List<String> dnsServers, @Nullable Long clockOffsetMs) {
  public Environment {
    dnsServers = List.copyOf(dnsServers);
  }

  public static final Environment UNKNOWN = new Environment(null, List.of(), null);
}

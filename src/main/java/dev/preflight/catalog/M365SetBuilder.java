package dev.preflight.catalog;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** Collects the fields of one endpoint set while the JSON reader walks it. */
final class M365SetBuilder {
  private final int line;
  @Nullable Integer id;
  @Nullable String serviceArea;
  @Nullable String displayName;
  List<String> urls = List.of();
  int ipCount;
  List<M365PortRange> tcpPorts = List.of();
  List<M365PortRange> udpPorts = List.of();
  boolean expressRoute;
  @Nullable String category;
  boolean required;
  @Nullable String notes;

  M365SetBuilder(int line) {
    this.line = line;
  }

  M365EndpointSet build() {
    return new M365EndpointSet(
        id,
        serviceArea,
        displayName,
        urls,
        ipCount,
        tcpPorts,
        udpPorts,
        expressRoute,
        category,
        required,
        notes,
        line);
  }
}

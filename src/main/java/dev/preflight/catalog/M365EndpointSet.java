package dev.preflight.catalog;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One record of the Microsoft 365 IP address and URL web service ({@code /endpoints/worldwide}): an
 * endpoint set. Every field of the format may be absent; absent strings are null, absent lists
 * empty, absent flags false.
 *
 * @param id the immutable set id, or null when absent
 * @param serviceArea Common, Exchange, SharePoint, Skype, MEM, ...
 * @param serviceAreaDisplayName the area's display name
 * @param urls host names and wildcard patterns, lower case
 * @param ipCount how many CIDR blocks the set lists (IPv4 and IPv6); they are checked, not kept
 * @param tcpPorts the TCP ports and ranges
 * @param udpPorts the UDP ports and ranges
 * @param expressRoute whether the set is routed over ExpressRoute
 * @param category Optimize, Allow or Default, or null when absent
 * @param required whether Microsoft marks the set required
 * @param notes what stops working without an optional set
 * @param line the line of the file where the record starts
 */
record M365EndpointSet(
    @Nullable Integer id,
    @Nullable String serviceArea,
    @Nullable String serviceAreaDisplayName,
    List<String> urls,
    int ipCount,
    List<M365PortRange> tcpPorts,
    List<M365PortRange> udpPorts,
    boolean expressRoute,
    @Nullable String category,
    boolean required,
    @Nullable String notes,
    int line) {

  M365EndpointSet {
    urls = List.copyOf(urls);
    tcpPorts = List.copyOf(tcpPorts);
    udpPorts = List.copyOf(udpPorts);
  }

  /** This set without its names: what an entry keeps of each set that lists it. */
  M365EndpointSet summary() {
    return new M365EndpointSet(
        id,
        serviceArea,
        serviceAreaDisplayName,
        List.of(),
        ipCount,
        List.of(),
        List.of(),
        expressRoute,
        category,
        required,
        notes,
        line);
  }

  /** The set id for messages and notes: {@code 56}, or {@code line 12} when the id is absent. */
  String label() {
    return id != null ? Integer.toString(id) : "at line " + line;
  }
}

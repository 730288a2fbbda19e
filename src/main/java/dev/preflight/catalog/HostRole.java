package dev.preflight.catalog;

/**
 * What the host of a catalog entry is. A report is only as good as its hosts: a failure on a flow
 * host is a failure of the enrollment itself, while a stand-in only samples a wildcard whose real
 * hosts Microsoft does not name.
 */
public enum HostRole {
  /** A host the device itself contacts, named in Microsoft's documentation. */
  FLOW_HOST("flow host"),
  /** A documented name that represents a wildcard (or any public name) the device uses. */
  STAND_IN("stand-in"),
  /** No host is documented: only the wildcard's zone is checked through DNS. */
  ZONE_CHECK("zone check");

  private final String label;

  HostRole(String label) {
    this.label = label;
  }

  /** {@code flow host}, {@code stand-in} or {@code zone check}, as listings show it. */
  public String label() {
    return label;
  }
}

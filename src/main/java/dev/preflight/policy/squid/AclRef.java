package dev.preflight.policy.squid;

/** An acl named on an access line, possibly negated with {@code !}. */
record AclRef(String name, boolean negated) {
  @Override
  public String toString() {
    return (negated ? "!" : "") + name;
  }
}

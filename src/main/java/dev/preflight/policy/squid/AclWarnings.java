package dev.preflight.policy.squid;

/** Words for acls whose answer an offline evaluation could not know. */
final class AclWarnings {
  private AclWarnings() {}

  static String describe(String name, SquidConfig config) {
    Acl acl = config.acls().get(name);
    ConfigLine line = config.aclLines().get(name);
    String where = line == null ? "The predefined" : line.where() + ":";
    if (acl.modelled()) {
      return where
          + " acl "
          + name
          + " ("
          + acl.type()
          + ") depends on the client address; pass --client-ip to decide it.";
    }
    return where
        + " acl "
        + name
        + " of type "
        + acl.type()
        + " is not modelled by preflight; rules using it may or may not match.";
  }
}

package dev.preflight.policy.squid;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code any-of} and {@code all-of}: the acls it names, combined with OR or AND in order. Names are
 * resolved when matching, so a group may name acls defined after it, as Squid allows.
 */
final class GroupAcl implements Acl {
  private final boolean all;
  private final Map<String, Acl> registry;
  private final List<String> members = new ArrayList<>();

  GroupAcl(boolean all, Map<String, Acl> registry) {
    this.all = all;
    this.registry = registry;
  }

  @Override
  public String type() {
    return all ? "all-of" : "any-of";
  }

  @Override
  public void add(List<AclValue> values) {
    values.forEach(v -> members.add(v.text()));
  }

  @Override
  public Tri match(SquidRequest request) {
    Tri decisive = all ? Tri.FALSE : Tri.TRUE;
    boolean unknown = false;
    for (String member : members) {
      Acl acl = registry.get(member);
      Tri answer = acl == null ? Tri.UNKNOWN : acl.match(request);
      if (answer == decisive || answer == Tri.AUTH) {
        return answer;
      }
      unknown |= answer == Tri.UNKNOWN;
    }
    return unknown ? Tri.UNKNOWN : decisive.negate();
  }
}

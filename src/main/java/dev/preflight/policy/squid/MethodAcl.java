package dev.preflight.policy.squid;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** {@code method}: the request method, compared exactly as Squid does (methods are upper case). */
final class MethodAcl implements Acl {
  private final Set<String> methods = new HashSet<>();

  @Override
  public String type() {
    return "method";
  }

  @Override
  public void add(List<AclValue> values) {
    values.forEach(v -> methods.add(v.text()));
  }

  @Override
  public Tri match(SquidRequest request) {
    return Tri.of(methods.contains(request.method()));
  }
}

package dev.preflight.policy.squid;

import dev.preflight.common.InputException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** {@code at_step}: the SslBump step ({@code SslBump1}, {@code SslBump2}, {@code SslBump3}). */
final class StepAcl implements Acl {
  private final Set<Integer> steps = new HashSet<>();
  private boolean other;

  @Override
  public String type() {
    return "at_step";
  }

  @Override
  public void add(List<AclValue> values) {
    for (AclValue value : values) {
      switch (value.text().toLowerCase(Locale.ROOT)) {
        case "sslbump1" -> steps.add(1);
        case "sslbump2" -> steps.add(2);
        case "sslbump3" -> steps.add(3);
        case "generatingconnect" -> other = true;
        default -> throw new InputException(value.origin(), "unknown step '" + value.text() + "'");
      }
    }
  }

  @Override
  public Tri match(SquidRequest request) {
    if (request.step() == 0) {
      return other ? Tri.UNKNOWN : Tri.FALSE;
    }
    return Tri.of(steps.contains(request.step()));
  }
}

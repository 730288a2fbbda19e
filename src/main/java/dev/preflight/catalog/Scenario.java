package dev.preflight.catalog;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The Autopilot deployment modes; each needs its own subset of the catalog. */
public enum Scenario {
  USER_DRIVEN("user-driven"),
  SELF_DEPLOYING("self-deploying"),
  PRE_PROVISIONING("pre-provisioning"),
  HYBRID_JOIN("hybrid-join");

  private final String id;

  Scenario(String id) {
    this.id = id;
  }

  /** The spelling used on the command line, in catalog files and in reports. */
  public String id() {
    return id;
  }

  /** Parses {@code user-driven} and friends; case-insensitive. */
  public static Optional<Scenario> parse(String text) {
    String wanted = text.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(s -> s.id.equals(wanted)).findFirst();
  }

  @Override
  public String toString() {
    return id;
  }
}

package dev.preflight.catalog;

/** What happens to an Autopilot deployment when an endpoint is unreachable. */
public enum Impact {
  /** Autopilot fails without it. */
  BLOCKING,
  /** The seed page says "the Autopilot process still continues": something is missing after. */
  DEGRADED
}

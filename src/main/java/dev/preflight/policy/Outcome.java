package dev.preflight.policy;

/** What a configuration does to a request for an endpoint. */
public enum Outcome {
  /** The request goes out (directly or through a proxy that lets it through). */
  ALLOWED,
  /** Allowed for the stand-in host, but the rule does not cover the whole wildcard needed. */
  PARTIAL,
  /** A rule refuses it (deny rule, black-hole proxy). */
  DENIED,
  /** An allowlist does not include it. */
  NOT_LISTED,
  /** The proxy demands credentials a device in OOBE does not have. */
  AUTH_REQUIRED,
  /** TLS is decrypted (bumped) on the way. */
  INSPECTED,
  /** The configuration's answer depends on something the evaluator cannot know. */
  UNDETERMINED
}

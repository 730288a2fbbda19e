package dev.preflight.policy.squid;

/**
 * A three-valued acl answer: UNKNOWN when the acl depends on something an offline evaluation cannot
 * know (an external helper, the time of day, a DNS lookup). AUTH means that evaluating the acl
 * needs credentials: Squid answers such a request with a 407 challenge, whatever the rule's action.
 */
enum Tri {
  TRUE,
  FALSE,
  UNKNOWN,
  AUTH;

  static Tri of(boolean value) {
    return value ? TRUE : FALSE;
  }

  Tri negate() {
    return switch (this) {
      case TRUE -> FALSE;
      case FALSE -> TRUE;
      case UNKNOWN, AUTH -> this;
    };
  }
}

package dev.preflight.policy.squid;

import java.util.List;

/**
 * One named acl. Lines with the same name accumulate values; Squid refuses a second line with a
 * different type, and so does the parser.
 */
interface Acl {
  /** The acl type as written ({@code dstdomain}, {@code port}, ...). */
  String type();

  /** Adds the values of one more {@code acl} line. */
  void add(List<AclValue> values);

  /** What this acl answers for {@code request}. */
  Tri match(SquidRequest request);

  /** Whether the type is modelled; unmodelled acls answer UNKNOWN. */
  default boolean modelled() {
    return true;
  }

  /** Which value decided the last TRUE answer for {@code request}, for evidence; may be empty. */
  default String matchedValue(SquidRequest request) {
    return "";
  }
}

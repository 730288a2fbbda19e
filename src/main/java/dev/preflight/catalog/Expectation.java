package dev.preflight.catalog;

import org.jspecify.annotations.Nullable;

/**
 * What a probe must observe beyond plain reachability. All fields are optional.
 *
 * @param httpStatus the exact HTTP status required (NCSI: 200); null accepts any origin answer
 * @param body the exact response body required (NCSI: {@code Microsoft Connect Test})
 * @param address the address a DNS probe name must resolve to (NCSI: {@code 131.107.255.255})
 * @param zone true for a zone-level DNS check: the resolver must answer for the zone (any NOERROR)
 *     because no concrete host is documented for the wildcard
 */
public record Expectation(
    @Nullable Integer httpStatus, @Nullable String body, @Nullable String address, boolean zone) {

  /** No expectation beyond reachability. */
  public static final Expectation NONE = new Expectation(null, null, null, false);
}

package dev.preflight.probe;

/** The plain-string facts a probe may record; each is optional. */
public enum Fact {
  /** The address connected to, or the addresses resolved, comma-separated. */
  ADDRESSES,
  /** {@code IPv4} or {@code IPv6}: the family actually used. */
  ADDRESS_FAMILY,
  TLS_PROTOCOL,
  /** The leaf certificate's issuer DN. */
  TLS_ISSUER,
  /** The subject DN of the chain's last certificate (the root, or the top of what was sent). */
  TLS_ROOT,
  /** The leaf certificate's expiry, ISO-8601. */
  TLS_NOT_AFTER,
  /**
   * The inspecting or filtering product recognised in the chain or in a proxy's answer ("Zscaler",
   * "Squid"), named by the one product table so that remedies need not recognise it again.
   */
  PRODUCT,
  HTTP_STATUS,
  /** The HTTP {@code Date} header, ISO-8601, for a coarse clock estimate when NTP is blocked. */
  HTTP_DATE,
  NTP_OFFSET_MS,
  /** The name a CNAME record points to, lower case, without the trailing dot. */
  CNAME_TARGET,
  NTP_ROUND_TRIP_MS,
  /** What was observed on success, in one sentence (for example "HTTP 403 from the origin"). */
  DETAIL,
  /**
   * Why the probe does not apply to this machine's network, in one sentence; present only on a
   * result without failure, which the judge then reports as SKIP.
   */
  NOT_APPLICABLE
}

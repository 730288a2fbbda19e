package dev.preflight.probe;

/**
 * Why an endpoint failed, as listed in the contract. The public names are the internal names:
 * scripts match on them, so they are only ever added, never renamed.
 */
public enum Cause {
  DNS_NXDOMAIN("the name does not exist according to the resolver"),
  DNS_NO_ANSWER("the name exists but has no A/AAAA record"),
  DNS_SERVFAIL("the resolver answered with a server failure or refusal"),
  DNS_TIMEOUT("no DNS answer within the deadline"),
  DNS_SINKHOLE("the answer is an unspecified, loopback or otherwise non-routable address"),
  TCP_REFUSED("the connection was actively refused (RST)"),
  TCP_TIMEOUT("no answer to the connection attempt (silently dropped)"),
  TCP_UNREACHABLE("no route / host or network unreachable"),
  TLS_INTERCEPTED("the certificate chain does not lead to a root that this endpoint really uses"),
  TLS_UNTRUSTED("the chain is not trusted and does not look like interception"),
  TLS_HOSTNAME_MISMATCH("the certificate does not cover the host name"),
  TLS_EXPIRED("the certificate is expired or not yet valid"),
  TLS_HANDSHAKE_FAILED("the handshake was aborted"),
  TLS_TIMEOUT("the connection opened but the handshake did not finish within the deadline"),
  HTTP_PROXY_AUTH_REQUIRED("the proxy answered 407: a device in OOBE cannot authenticate"),
  HTTP_BLOCKED("a proxy or firewall refused the request"),
  HTTP_CAPTIVE_PORTAL("the network-connectivity probe was redirected or answered other content"),
  HTTP_TIMEOUT("the request was sent but no response came within the deadline"),
  HTTP_UNEXPECTED_STATUS(
      "a response came from the origin but with a status that is not the service"),
  PROXY_UNREACHABLE("the configured proxy itself cannot be reached"),
  PROXY_UPSTREAM_FAILED("the proxy was reached but could not reach or resolve the destination"),
  NTP_TIMEOUT("no NTP reply on UDP 123"),
  NTP_BAD_RESPONSE("the reply was malformed, a kiss-of-death, or from an unsynchronised server"),
  CLOCK_SKEW("the local clock differs from the reference time by more than the allowed skew"),
  POLICY_DENIED("the configuration blocks this endpoint"),
  POLICY_NOT_LISTED("an allowlist does not include this endpoint"),
  POLICY_INSPECTED("the configuration decrypts TLS for this endpoint"),
  POLICY_AUTH_REQUIRED("the configuration demands proxy authentication for this endpoint"),
  DC_NOT_FOUND("no domain controller SRV record for the domain"),
  DC_UNREACHABLE("a domain controller was found but LDAP/Kerberos ports do not answer"),
  DNS_CNAME_MISMATCH(
      "(tenant) an enrollment alias of the tenant's domain points somewhere other than the"
          + " Microsoft service");

  private final String meaning;

  Cause(String meaning) {
    this.meaning = meaning;
  }

  /** The contract's one-line meaning of the code. */
  public String meaning() {
    return meaning;
  }
}

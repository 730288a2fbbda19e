package dev.preflight.lab;

import static dev.preflight.lab.Lab.BLOCKING_HOST;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** dnsmasq answers wrongly, or not at all, for one host or for every host. */
@Tag("lab")
@ExtendWith(LabExtension.class)
@Timeout(300)
class DnsFaultIT {
  private final Lab lab;
  private final Preflight preflight;

  DnsFaultIT(Lab lab) {
    this.lab = lab;
    this.preflight = new Preflight(lab);
  }

  @Test
  void nonexistentNameIsDnsNxdomain() {
    lab.fault("dns-nxdomain", BLOCKING_HOST);

    preflight
        .check()
        .assertFails(BLOCKING_HOST, "https", "DNS_NXDOMAIN")
        .assertOthersPass(BLOCKING_HOST)
        .assertVerdict("BLOCKED", 2);
  }

  @Test
  void nullAddressIsDnsSinkhole() {
    lab.fault("dns-sinkhole", BLOCKING_HOST);

    preflight
        .check()
        .assertFails(BLOCKING_HOST, "https", "DNS_SINKHOLE")
        .assertOthersPass(BLOCKING_HOST)
        .assertVerdict("BLOCKED", 2);
  }

  @Test
  void unansweredQueryIsDnsTimeout() {
    lab.fault("dns-silent", BLOCKING_HOST);

    preflight
        .check()
        .assertFails(BLOCKING_HOST, "https", "DNS_TIMEOUT")
        .assertOthersPass(BLOCKING_HOST)
        .assertVerdict("BLOCKED", 2);
  }

  @Test
  void droppedDnsTrafficTimesOutEveryName() {
    lab.fault("dns-silent", "all");

    preflight
        .check()
        .assertFails("www.microsoft.com", "dns", "DNS_TIMEOUT")
        .assertFails(BLOCKING_HOST, "https", "DNS_TIMEOUT")
        .assertVerdict("BLOCKED", 2);
  }

  @Test
  void sinkholedResolverFailsTheResolverCheck() {
    lab.fault("dns-sinkhole", "all");

    preflight
        .check()
        .assertFails("www.microsoft.com", "dns", "DNS_SINKHOLE")
        .assertFails(BLOCKING_HOST, "https", "DNS_SINKHOLE")
        .assertVerdict("BLOCKED", 2);
  }

  @Test
  void anAliasPassesAndNamesItsChain() {
    lab.fault("dns-cname", BLOCKING_HOST);

    preflight
        .check()
        .assertDetailContains(
            BLOCKING_HOST,
            "https",
            "CNAME chain: "
                + BLOCKING_HOST
                + " → edge1.cname.lab.example → edge2.cname.lab.example")
        .assertOthersPass()
        .assertVerdict("READY", 0);
  }

  @Test
  void anAliasOfAMissingNameIsNxdomainNamingIt() {
    // dnsmasq answers NOERROR with the two aliases alone; only the further question shows that
    // the last name does not exist.
    lab.fault("dns-cname-dangling", BLOCKING_HOST);

    preflight
        .check()
        .assertFails(BLOCKING_HOST, "https", "DNS_NXDOMAIN")
        .assertDetailContains(
            BLOCKING_HOST,
            "https",
            "is an alias of missing.cname.lab.example, which does not exist (NXDOMAIN)",
            BLOCKING_HOST + " → hop.cname.lab.example → missing.cname.lab.example")
        .assertOthersPass(BLOCKING_HOST)
        .assertVerdict("BLOCKED", 2);
  }
}

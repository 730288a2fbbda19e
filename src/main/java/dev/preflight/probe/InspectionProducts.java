package dev.preflight.probe;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Recognises TLS-inspection products by the names their CAs carry. Matching is on the lower-cased
 * issuer and subject distinguished names of the chain (CN and O alike), because the products name
 * their generated CAs after themselves by default ("Zscaler Root CA", "Fortinet CA", "Netskope",
 * ...). A match only names the product; whether the chain is interception is decided elsewhere.
 */
final class InspectionProducts {
  private record Product(String name, List<String> markers) {}

  private static final List<Product> PRODUCTS =
      List.of(
          new Product("Zscaler", List.of("zscaler")),
          new Product("Palo Alto Networks", List.of("palo alto", "paloalto", "pan-os")),
          new Product("Fortinet FortiGate", List.of("fortinet", "fortigate")),
          new Product("Netskope", List.of("netskope")),
          new Product(
              "Blue Coat/Symantec ProxySG",
              List.of("blue coat", "bluecoat", "proxysg", "symantec")),
          new Product("Cisco Umbrella", List.of("cisco umbrella", "umbrella", "opendns")),
          new Product("Sophos", List.of("sophos")),
          new Product("Check Point", List.of("check point", "checkpoint")),
          new Product("Squid", List.of("squid")),
          new Product("Forcepoint", List.of("forcepoint", "websense")),
          new Product("McAfee/Skyhigh Web Gateway", List.of("mcafee", "skyhigh")),
          new Product("Cisco Secure Web Appliance", List.of("ironport")),
          new Product("Barracuda", List.of("barracuda")));

  private InspectionProducts() {}

  /** The product whose marker appears in any of {@code names}, if any. */
  static Optional<String> match(List<String> names) {
    for (String name : names) {
      String lower = name.toLowerCase(Locale.ROOT);
      for (Product product : PRODUCTS) {
        if (product.markers().stream().anyMatch(lower::contains)) {
          return Optional.of(product.name());
        }
      }
    }
    return Optional.empty();
  }
}

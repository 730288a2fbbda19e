package dev.preflight.verdict;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Recognises the TLS-inspecting products whose names appear in the certificates they mint. The
 * match is on the issuer or root distinguished name, by the vendor names these products put there
 * by default; an administrator may rename the CA, so no match proves nothing.
 */
public final class InspectionProducts {
  private record Product(String name, List<String> markers) {}

  private static final List<Product> PRODUCTS =
      List.of(
          new Product("Zscaler", List.of("zscaler")),
          new Product("Palo Alto Networks", List.of("palo alto", "paloalto", "pan-os")),
          new Product("Fortinet FortiGate", List.of("fortinet", "fortigate")),
          new Product("Netskope", List.of("netskope")),
          new Product("Blue Coat/Symantec ProxySG", List.of("blue coat", "bluecoat", "proxysg")),
          new Product("Cisco Umbrella", List.of("cisco umbrella", "opendns", "umbrella")),
          new Product("Sophos", List.of("sophos")),
          new Product("Check Point", List.of("check point", "checkpoint")),
          new Product("Squid (ssl-bump)", List.of("squid")),
          new Product("Blue Coat/Symantec ProxySG", List.of("symantec web", "symantec proxy")));

  private InspectionProducts() {}

  /** The product whose name appears in any of {@code names}, if one does. */
  public static Optional<String> identify(@Nullable String... names) {
    for (String name : names) {
      if (name == null) {
        continue;
      }
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

package dev.preflight.probe;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The one table of the proxies and firewalls that inspect or filter traffic, and how to recognise
 * them: by the names their generated CAs and their {@code Server}, {@code Via} and {@code
 * Proxy-Agent} headers carry ("Zscaler Root CA", {@code Server: squid/6.10}), and by phrases of
 * their default block and error pages. Matching is on lower-cased text. An administrator may rename
 * a CA or rewrite a page, so no match proves nothing.
 *
 * <p>The page phrases come from each product's documented default pages: Squid's error templates,
 * Symantec/Blue Coat ProxySG's built-in exceptions ({@code policy_denied}, {@code
 * dns_unresolved_hostname}, ...), Palo Alto Networks' URL filtering response page, FortiGuard's web
 * filter replacement message, Cisco Secure Web Appliance's end-user notification pages,
 * Forcepoint's block page, Sophos' block page and Zscaler's block notification.
 */
final class InspectionProducts {
  /**
   * One product.
   *
   * @param name how reports name it
   * @param names markers in certificate names and proxy headers (and page text)
   * @param refusals phrases of its pages that say it refused the request by policy
   * @param failures phrases of its pages that say it could not reach or resolve the destination
   */
  record Product(String name, List<String> names, List<String> refusals, List<String> failures) {
    boolean named(String lowerText) {
      return names.stream().anyMatch(lowerText::contains);
    }

    boolean refuses(String lowerPage) {
      return refusals.stream().anyMatch(lowerPage::contains);
    }

    boolean failsUpstream(String lowerPage) {
      return failures.stream().anyMatch(lowerPage::contains);
    }
  }

  private static final List<Product> PRODUCTS =
      List.of(
          new Product("Zscaler", List.of("zscaler"), List.of("not allowed to browse"), List.of()),
          new Product(
              "Palo Alto Networks",
              List.of("palo alto", "paloalto", "pan-os"),
              List.of("has been blocked in accordance with company policy"),
              List.of()),
          new Product(
              "Fortinet FortiGate",
              List.of("fortinet", "fortigate", "fortiguard"),
              List.of("violation of your internet usage policy"),
              List.of()),
          new Product("Netskope", List.of("netskope"), List.of(), List.of()),
          new Product(
              "Blue Coat/Symantec ProxySG",
              List.of("blue coat", "bluecoat", "proxysg", "symantec web", "symantec proxy"),
              List.of("(policy_denied)", "(content_filter_denied)"),
              List.of(
                  "(dns_unresolved_hostname)",
                  "(dns_server_failure)",
                  "(tcp_error)",
                  "(gateway_timeout)")),
          new Product("Cisco Umbrella", List.of("cisco umbrella", "opendns"), List.of(), List.of()),
          new Product(
              "Cisco Secure Web Appliance",
              List.of("ironport", "cisco web security", "cisco secure web"),
              List.of("based on your organization's access policies"),
              List.of("host name resolution (dns lookup)", "could not be contacted")),
          new Product(
              "Sophos",
              List.of("sophos"),
              List.of("blocked by policy", "access blocked"),
              List.of()),
          new Product("Check Point", List.of("check point", "checkpoint"), List.of(), List.of()),
          new Product("Squid", List.of("squid"), List.of(), List.of()),
          new Product(
              "Forcepoint",
              List.of("forcepoint", "websense"),
              List.of("content blocked by your organization"),
              List.of()),
          new Product(
              "McAfee/Skyhigh Web Gateway", List.of("mcafee", "skyhigh"), List.of(), List.of()),
          new Product("Barracuda", List.of("barracuda"), List.of(), List.of()));

  private InspectionProducts() {}

  /** The product named in any of {@code names} (certificate DNs, header values), if any. */
  static Optional<Product> named(List<String> names) {
    for (String name : names) {
      String lower = name.toLowerCase(Locale.ROOT);
      for (Product product : PRODUCTS) {
        if (product.named(lower)) {
          return Optional.of(product);
        }
      }
    }
    return Optional.empty();
  }

  /**
   * The product whose page {@code lowerPage} is: the product it names, or failing that the one
   * whose refusal or failure phrases appear (ProxySG's and Cisco's default pages name no product).
   */
  static Optional<Product> page(String lowerPage) {
    Optional<Product> named = PRODUCTS.stream().filter(p -> p.named(lowerPage)).findFirst();
    return named.isPresent()
        ? named
        : PRODUCTS.stream()
            .filter(p -> p.refuses(lowerPage) || p.failsUpstream(lowerPage))
            .findFirst();
  }
}

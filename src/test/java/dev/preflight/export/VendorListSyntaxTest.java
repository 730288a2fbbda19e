package dev.preflight.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.catalog.CatalogLoader;
import dev.preflight.catalog.Scenario;
import dev.preflight.catalog.Tpm;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The domain list in each wildcard style against the syntax its consumer documents: the star style
 * is a valid Palo Alto Networks domain EDL, the dot style a valid pfBlockerNG DNSBL whitelist, for
 * every scenario and TPM kind. The checkers are first held to the vendors' own examples.
 */
@Timeout(60)
class VendorListSyntaxTest {
  static Stream<Arguments> selections() {
    List<Arguments> all = new ArrayList<>();
    for (Scenario scenario : Scenario.values()) {
      for (Tpm tpm : Tpm.values()) {
        all.add(Arguments.of(scenario, tpm));
      }
    }
    return all.stream();
  }

  private static String domains(Scenario scenario, Tpm tpm, WildcardStyle style)
      throws IOException {
    Allowlist allowlist =
        AllowlistBuilder.build(
            CatalogLoader.shipped().select(Set.of(scenario), tpm), List.of(scenario), tpm);
    StringWriter out = new StringWriter();
    ExportFormat.DOMAINS.renderer(null, style).render(allowlist, out);
    return out.toString();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("selections")
  void starStyleIsAPaloAltoDomainEdl(Scenario scenario, Tpm tpm) throws IOException {
    String list = domains(scenario, tpm, WildcardStyle.STAR);
    assertThat(list).contains("*.");
    assertThat(PaloAltoEdlSyntax.violations(list)).isEmpty();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("selections")
  void dotStyleIsAPfBlockerNgWhitelist(Scenario scenario, Tpm tpm) throws IOException {
    String list = domains(scenario, tpm, WildcardStyle.DOT);
    assertThat(list).contains("\n.");
    assertThat(PfBlockerNgSyntax.violations(list)).isEmpty();
  }

  @Test
  void eachStyleBreaksTheOtherConsumersRules() throws IOException {
    String star = domains(Scenario.USER_DRIVEN, Tpm.DISCRETE, WildcardStyle.STAR);
    String dot = domains(Scenario.USER_DRIVEN, Tpm.DISCRETE, WildcardStyle.DOT);
    assertThat(PfBlockerNgSyntax.violations(star))
        .isNotEmpty()
        .allMatch(v -> v.contains("no regex entries allowed"));
    assertThat(PaloAltoEdlSyntax.violations(dot))
        .isNotEmpty()
        .allMatch(v -> v.contains("'' is not a domain label"));
  }

  @Test
  void theEdlCheckerHoldsToPaloAltosExamples() {
    assertThat(
            PaloAltoEdlSyntax.violations(
                "*.paloaltonetworks.com\n*.click\n^paloaltonetworks.com\n*.*.company.com\n"))
        .isEmpty();
    assertThat(
            PaloAltoEdlSyntax.violations(
                String.join(
                    "\n",
                    "https://www.paloaltonetworks.com",
                    "www.paloaltonetworks.com/products",
                    "192.168.20.10",
                    "paloalto*.com",
                    "docs.*.com",
                    "docs.paloaltonetworks.com # comment",
                    "a".repeat(252) + ".com")))
        .hasSize(7);
  }

  @Test
  void thePfBlockerCheckerHoldsToItsHelpText() {
    assertThat(
            PfBlockerNgSyntax.violations(
                ".example.com\nexample.com # Whitelist example.com\nwww.example.org\n"))
        .isEmpty();
    assertThat(
            PfBlockerNgSyntax.violations(
                String.join(
                    "\n",
                    "*.example.com",
                    "^example\\.com$",
                    "example.com#no space",
                    "https://example.com",
                    "10.0.0.1",
                    "example.com:443",
                    "# a line that is only a comment")))
        .hasSize(7);
  }
}

package dev.preflight.probe.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The network's DNS suffixes, parsed from the documented text of each system's source. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class DnsSuffixesTest {
  private static String fixture(String name) throws IOException {
    try (InputStream in = DnsSuffixesTest.class.getResourceAsStream("/suffixes/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void resolvConfSearchLineWinsOverAnEarlierDomainLine() throws IOException {
    DnsSuffixes suffixes =
        DnsSuffixes.fromResolvConf(fixture("resolv-search.conf"), "/etc/resolv.conf");

    assertThat(suffixes.suffixes()).containsExactly("corp.example", "eu.corp.example");
    assertThat(suffixes.source()).isEqualTo("DNS search suffix in /etc/resolv.conf");
  }

  @Test
  void resolvConfLastDomainLineWinsOverAnEarlierSearchLine() throws IOException {
    DnsSuffixes suffixes =
        DnsSuffixes.fromResolvConf(fixture("resolv-domain.conf"), "/etc/resolv.conf");

    assertThat(suffixes.suffixes()).containsExactly("corp.example");
    assertThat(suffixes.source()).isEqualTo("DNS domain in /etc/resolv.conf");
  }

  @Test
  void resolvConfWithoutSearchOrDomainHasNoSuffix() {
    assertThat(DnsSuffixes.fromResolvConf("nameserver 10.0.0.53\n", "f").suffixes()).isEmpty();
  }

  @Test
  void ipconfigGivesTheSearchListAndConnectionSuffixesOnce() throws IOException {
    DnsSuffixes suffixes = DnsSuffixes.fromIpconfig(fixture("ipconfig-all.txt"));

    assertThat(suffixes.suffixes()).containsExactly("corp.example", "eu.corp.example");
    assertThat(suffixes.source()).contains("ipconfig /all");
  }

  @Test
  void powerShellListsOneSuffixALine() throws IOException {
    assertThat(DnsSuffixes.fromPowerShell(fixture("powershell.txt")).suffixes())
        .containsExactly("corp.example", "eu.corp.example");
  }

  @Test
  void scutilGivesTheSearchDomainsButNotMulticastDns() throws IOException {
    DnsSuffixes suffixes = DnsSuffixes.fromScutil(fixture("scutil-dns.txt"));

    assertThat(suffixes.suffixes()).containsExactly("corp.example", "eu.corp.example");
    assertThat(suffixes.source()).contains("scutil --dns");
  }

  @Test
  void invalidNamesAndTrailingDotsAreCleanedAndTheListIsBounded() {
    StringBuilder text = new StringBuilder("search Corp.Example. bad_name -x.example local");
    for (int i = 0; i < 20; i++) {
      text.append(" s").append(i).append(".example");
    }
    DnsSuffixes suffixes = DnsSuffixes.fromResolvConf(text.toString(), "f");

    assertThat(suffixes.suffixes()).startsWith("corp.example", "s0.example");
    assertThat(suffixes.suffixes()).hasSize(DnsSuffixes.MAX);
  }
}

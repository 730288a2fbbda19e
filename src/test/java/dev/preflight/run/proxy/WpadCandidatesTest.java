package dev.preflight.run.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.probe.net.DnsSuffixes;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The URLs WPAD discovery asks, from DHCP and the DNS suffixes. */
@Timeout(10)
class WpadCandidatesTest {
  private static List<String> urls(List<WpadCandidate> candidates) {
    return candidates.stream().map(WpadCandidate::url).toList();
  }

  @Test
  void eachLevelOfTheSuffixDownToTwoLabels() {
    DnsSuffixes suffixes =
        DnsSuffixes.fromResolvConf("search emea.lab.corp.example\n", "resolv.conf");

    List<WpadCandidate> candidates = WpadCandidates.of(List.of(), suffixes);

    assertThat(urls(candidates))
        .containsExactly(
            "http://wpad.emea.lab.corp.example/wpad.dat",
            "http://wpad.lab.corp.example/wpad.dat",
            "http://wpad.corp.example/wpad.dat");
    assertThat(candidates).allMatch(c -> c.via().equals("DNS suffix emea.lab.corp.example"));
    assertThat(candidates).noneMatch(WpadCandidate::announced);
  }

  @Test
  void neverATopLevelDomain() {
    DnsSuffixes suffixes = DnsSuffixes.fromResolvConf("search corp.com\n", "resolv.conf");

    assertThat(urls(WpadCandidates.of(List.of(), suffixes)))
        .containsExactly("http://wpad.corp.com/wpad.dat")
        .doesNotContain("http://wpad.com/wpad.dat");
  }

  @Test
  void aSingleLabelSuffixYieldsNoDnsCandidate() {
    DnsSuffixes suffixes = DnsSuffixes.fromResolvConf("search corp\n", "resolv.conf");

    assertThat(suffixes.suffixes()).containsExactly("corp");
    assertThat(WpadCandidates.of(List.of(), suffixes)).isEmpty();
  }

  @Test
  void anInternationalizedSuffixIsAskedInItsAsciiForm() {
    DnsSuffixes suffixes =
        DnsSuffixes.fromIpconfig("   Connection-specific DNS Suffix  . : bücher.example\n");

    assertThat(urls(WpadCandidates.of(List.of(), suffixes)))
        .containsExactly("http://wpad.xn--bcher-kva.example/wpad.dat");
  }

  @Test
  void dhcpComesFirstAndEveryUrlOnce() {
    DnsSuffixes suffixes =
        DnsSuffixes.fromResolvConf("search a.corp.example corp.example\n", "resolv.conf");
    DhcpWpad dhcp = new DhcpWpad("eth0", "http://proxy-config.corp.example/proxy.pac");

    List<WpadCandidate> candidates = WpadCandidates.of(List.of(dhcp), suffixes);

    assertThat(urls(candidates))
        .containsExactly(
            "http://proxy-config.corp.example/proxy.pac",
            "http://wpad.a.corp.example/wpad.dat",
            "http://wpad.corp.example/wpad.dat");
    assertThat(candidates.get(0).via()).isEqualTo("DHCP option 252 on eth0");
    assertThat(candidates.get(0).announced()).isTrue();
    assertThat(candidates.get(2).via())
        .as("found first under the first suffix")
        .isEqualTo("DNS suffix a.corp.example");
  }

  @Test
  void noSuffixAndNoDhcpIsNoCandidate() {
    assertThat(WpadCandidates.of(List.of(), new DnsSuffixes(List.of(), "none"))).isEmpty();
  }
}

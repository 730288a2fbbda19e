package dev.preflight.policy.pac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.preflight.common.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class PacResolverTest {
  @TempDir Path dir;

  @Test
  void offlineResolvesNothingNotEvenLocalhost() {
    PacResolver offline = PacResolver.parse("offline", name -> List.of("192.0.2.1"));

    assertThat(offline.lookup("localhost")).isEmpty();
    assertThat(offline.mode()).isEqualTo("offline");
  }

  @Test
  void systemModeUsesTheInjectedLookup() {
    PacResolver system = PacResolver.parse("system", name -> List.of("192.0.2.1"));

    assertThat(system.lookup("anything")).containsExactly("192.0.2.1");
    assertThat(system.mode()).isEqualTo("system");
  }

  @Test
  void hostsFileListsEveryAddressOfANameCaseInsensitively() throws IOException {
    Path hosts = dir.resolve("hosts");
    Files.writeString(
        hosts,
        "# comment\n192.0.2.1 a.example alias  # trailing\n\n2001:DB8::1 A.example\n"
            + "fe80::1%lo0 zoned.example.\n");

    PacResolver resolver = PacResolver.parse("hosts:" + hosts, name -> List.of());

    assertThat(resolver.lookup("A.EXAMPLE")).containsExactly("192.0.2.1", "2001:db8::1");
    assertThat(resolver.lookup("alias")).containsExactly("192.0.2.1");
    assertThat(resolver.lookup("b.example")).isEmpty();
    assertThat(resolver.lookup("zoned.example")).containsExactly("fe80::1");
    assertThat(resolver.lookup("alias.")).containsExactly("192.0.2.1");
  }

  @Test
  void hostsFileWithABadAddressNamesFileAndLine() throws IOException {
    Path hosts = dir.resolve("hosts");
    Files.writeString(hosts, "192.0.2.1 good.example\n192.0.2.300 bad.example\n");

    assertThatThrownBy(() -> PacResolver.hostsFile(hosts))
        .isInstanceOf(InputException.class)
        .hasMessage(hosts + ":2: '192.0.2.300' is not an IP address");
  }

  @Test
  void hostsFileLineWithoutANameIsRefused() throws IOException {
    Path hosts = dir.resolve("hosts");
    Files.writeString(hosts, "192.0.2.1\n");

    assertThatThrownBy(() -> PacResolver.hostsFile(hosts))
        .hasMessage(hosts + ":1: an address without a host name");
  }

  @Test
  void missingHostsFileIsBadInput() {
    Path missing = dir.resolve("missing");

    assertThatThrownBy(() -> PacResolver.hostsFile(missing))
        .isInstanceOf(InputException.class)
        .hasMessage(missing + ": cannot read: no such file");
  }

  @Test
  void unknownModeNamesTheOption() {
    assertThatThrownBy(() -> PacResolver.parse("dns", name -> List.of()))
        .isInstanceOf(InputException.class)
        .hasMessage("--resolve: expected offline, hosts:FILE or system, got 'dns'");
    assertThatThrownBy(() -> PacResolver.parse("hosts:", name -> List.of()))
        .hasMessageStartingWith("--resolve: ");
  }

  @Test
  void clientIpMustBeAnAddress() {
    assertThatThrownBy(() -> PacEnvironment.defaults().withClientIp("my-laptop"))
        .isInstanceOf(InputException.class)
        .hasMessage("--client-ip: 'my-laptop' is not an IPv4 or IPv6 address");
  }

  @Test
  void clientIpIsKeptInCanonicalForm() {
    PacEnvironment env = PacEnvironment.defaults().withClientIp("2001:DB8:0:0::7");

    assertThat(env.clientIp()).isEqualTo("2001:db8::7");
  }
}

package dev.preflight.policy.squid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.preflight.common.InputException;
import dev.preflight.common.IpAddress;
import dev.preflight.policy.ConfigRoot;
import dev.preflight.policy.Outcome;
import dev.preflight.policy.PolicyDecision;
import dev.preflight.policy.TestEndpoints;
import dev.preflight.testing.ProxyCopy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --config-root}: a squid configuration copied from a proxy, whose include and acl files are
 * absolute paths, judged from its copy; links and {@code ..} cannot leave the copy.
 */
@Timeout(30)
class ConfigRootTest {
  private static final Optional<IpAddress> VLAN = IpAddress.tryParse("10.20.1.1");

  @TempDir Path dir;
  private Path copy;

  @BeforeEach
  void copyTheProxy() {
    copy = ProxyCopy.into(dir.resolve("copy"));
  }

  private List<PolicyDecision> decide(Path conf, ConfigRoot root, String... hosts) {
    SquidEvaluator evaluator = SquidEvaluator.load(conf, VLAN, root);
    return evaluator.evaluate(List.of(hosts).stream().map(TestEndpoints::https).toList());
  }

  @Test
  void absoluteIncludesAndAclFilesResolveUnderTheRoot() throws IOException {
    List<PolicyDecision> decisions =
        decide(
            ProxyCopy.squidConf(copy),
            ConfigRoot.at(copy),
            "ztd.dds.microsoft.com",
            "graph.microsoft.com",
            "www.example.net");
    PolicyDecision ztd = decisions.get(0);
    assertThat(ztd.outcome()).isEqualTo(Outcome.ALLOWED);
    assertThat(ztd.evidence().file())
        .isEqualTo(copy.toRealPath().resolve("etc/squid/conf.d/10-autopilot.conf").toString());
    assertThat(ztd.evidence().line()).isEqualTo(2);
    assertThat(ztd.reason()).contains("ztd.dds.microsoft.com");
    assertThat(decisions.get(1).outcome()).isEqualTo(Outcome.DENIED);
    assertThat(decisions.get(1).evidence().line()).isEqualTo(10);
    assertThat(decisions.get(2).outcome()).isEqualTo(Outcome.DENIED);
    assertThat(decisions.get(2).evidence().file()).endsWith("etc/squid/lists/blocked.conf");
  }

  @Test
  void withoutARootAMissingAbsoluteFileIsOneMessageWithTheHint() {
    Path conf = ProxyCopy.squidConf(copy);
    assertThatThrownBy(() -> decide(conf, ConfigRoot.none(), "ztd.dds.microsoft.com"))
        .isInstanceOf(InputException.class)
        .hasMessage(
            conf
                + ":6: cannot read acl file /etc/squid/ip_group_a.txt: no such file (if the"
                + " configuration was copied from another machine, pass --config-root DIR, the"
                + " copy's top directory, so that absolute paths resolve under it)");
  }

  @Test
  void aFileMissingUnderTheRootNamesTheRootAndTheCopy() throws IOException {
    Path list = copy.resolve("etc/squid/lists/autopilot.txt");
    Files.delete(list);
    Path root = copy.toRealPath();
    assertThatThrownBy(() -> decide(ProxyCopy.squidConf(copy), ConfigRoot.at(copy), "a.example"))
        .isInstanceOf(InputException.class)
        .hasMessage(
            root.resolve("etc/squid/conf.d/10-autopilot.conf")
                + ":1: cannot read acl file /etc/squid/lists/autopilot.txt ("
                + root.resolve("etc/squid/lists/autopilot.txt")
                + "): no such file under --config-root "
                + root);
  }

  @Test
  void aSymbolicLinkLeavingTheRootIsRefused() throws IOException {
    Files.writeString(dir.resolve("outside.conf"), "http_access allow all\n");
    Files.createSymbolicLink(
        copy.resolve("etc/squid/conf.d/30-escape.conf"), Path.of("../../../../outside.conf"));
    assertThatThrownBy(() -> decide(ProxyCopy.squidConf(copy), ConfigRoot.at(copy), "a.example"))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith(ProxyCopy.squidConf(copy) + ":9: /etc/squid/conf.d/30-escape.conf")
        .hasMessageContaining("leads outside --config-root " + copy.toRealPath())
        .hasMessageContaining("the symbolic link")
        .hasMessageContaining("the config root is a boundary");
  }

  @Test
  void anAbsoluteLinkResolvesUnderTheRootNotOnThisMachine() throws IOException {
    Path list = copy.resolve("etc/squid/lists/autopilot.txt");
    Files.move(list, copy.resolve("etc/squid/lists/only-in-the-copy.txt"));
    Files.createSymbolicLink(list, Path.of("/etc/squid/lists/only-in-the-copy.txt"));
    assertThat(Path.of("/etc/squid/lists/only-in-the-copy.txt")).doesNotExist();
    PolicyDecision ztd =
        decide(ProxyCopy.squidConf(copy), ConfigRoot.at(copy), "ztd.dds.microsoft.com").get(0);
    assertThat(ztd.outcome()).isEqualTo(Outcome.ALLOWED);
  }

  @Test
  void relativePathsResolveAgainstTheRootLikeSquidStartedFromSlash() throws IOException {
    Path conf =
        Files.writeString(
            copy.resolve("etc/squid/relative.conf"),
            "acl ip_group_a src all\ninclude etc/squid/conf.d/10-autopilot.conf\n");
    PolicyDecision ztd = decide(conf, ConfigRoot.at(copy), "ztd.dds.microsoft.com").get(0);
    assertThat(ztd.outcome()).isEqualTo(Outcome.ALLOWED);
  }

  @Test
  void dotDotAboveTheRootIsRefused() throws IOException {
    Files.writeString(dir.resolve("outside.txt"), ".microsoft.com\n");
    Path conf =
        Files.writeString(
            copy.resolve("etc/squid/climb.conf"), "acl up dstdomain \"/../outside.txt\"\n");
    assertThatThrownBy(() -> decide(conf, ConfigRoot.at(copy), "a.example"))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith(conf + ":1: /../outside.txt leads outside --config-root");
  }

  @Test
  void linksThatLoopAreReportedAsSuch() throws IOException {
    Path a = copy.resolve("etc/squid/lists/a.txt");
    Files.createSymbolicLink(a, Path.of("b.txt"));
    Files.createSymbolicLink(copy.resolve("etc/squid/lists/b.txt"), Path.of("a.txt"));
    Path conf =
        Files.writeString(
            copy.resolve("etc/squid/loop.conf"), "acl l dstdomain \"/etc/squid/lists/a.txt\"\n");
    assertThatThrownBy(() -> decide(conf, ConfigRoot.at(copy), "a.example"))
        .isInstanceOf(InputException.class)
        .hasMessageContaining(conf + ":1: ")
        .hasMessageContaining("loops through symbolic links");
  }

  @Test
  void aRootThatIsNoDirectoryIsRefusedAsAnOption() {
    assertThatThrownBy(() -> ConfigRoot.at(copy.resolve("etc/squid/squid.conf")))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith("--config-root: ")
        .hasMessageEndingWith("not a directory");
    assertThatThrownBy(() -> ConfigRoot.at(dir.resolve("absent")))
        .isInstanceOf(InputException.class)
        .hasMessageEndingWith("no such file");
  }
}

package dev.preflight.policy.squid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.preflight.common.InputException;
import dev.preflight.policy.ConfigRoot;
import dev.preflight.policy.TestEndpoints;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Configurations Squid would refuse end in one InputException naming the file and line. */
@Timeout(60)
class SquidConfigErrorTest {
  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    return file;
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "undefined acl|http_access allow nosuch|1|acl nosuch is not defined",
        "type clash|acl a dstdomain .x.com\\nacl a port 443|2|already defined with type dstdomain",
        "bad regex|acl r dstdom_regex ^(x|1|invalid regular expression",
        "bad port|acl p port 80-x|1|invalid port",
        "bad address|acl s src 10.0.0.300/8|1|invalid address",
        "bad netmask|acl s src 10.0.0.0/33|1|invalid netmask",
        "unknown action|http_access permit all|1|needs one of the actions",
        "unknown bump action|ssl_bump inspect all|1|needs one of the actions",
        "unterminated quote|acl a dstdomain \"lists/x|1|unterminated quoted value",
        "acl without type|acl lonely|1|acl needs a name and a type",
        "missing acl file|acl a dstdomain \"missing.txt\"|1|cannot read acl file",
        "missing include|include nowhere.conf|1|cannot include nowhere.conf",
        "unknown step|acl s at_step SslBump9|1|unknown step",
      })
  void malformedConfigurationNamesFileAndLine(String what, String text, int line, String reason)
      throws IOException {
    Path file = write("squid.conf", text.replace("\\n", "\n"));
    assertThatThrownBy(() -> SquidEvaluator.load(file, Optional.empty(), ConfigRoot.none()))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith(file + ":" + line + ": ")
        .hasMessageContaining(reason);
  }

  @Test
  void includeCycleIsReportedAtTheIncludingLine() throws IOException {
    Path main = write("squid.conf", "acl a src all\ninclude b.conf\n");
    Path b = write("b.conf", "include squid.conf\n");
    assertThatThrownBy(() -> SquidEvaluator.load(main, Optional.empty(), ConfigRoot.none()))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith(b + ":1: ")
        .hasMessageContaining("include cycle");
  }

  @Test
  void nestingDeeperThanSquidAllowsIsRefused() throws IOException {
    for (int i = 0; i < 20; i++) {
      write("level" + i + ".conf", "include level" + (i + 1) + ".conf\n");
    }
    write("level20.conf", "http_access allow all\n");
    assertThatThrownBy(
            () ->
                SquidEvaluator.load(
                    dir.resolve("level0.conf"), Optional.empty(), ConfigRoot.none()))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("nested too deeply");
  }

  @Test
  void unreadableTopLevelFileNamesTheFile() {
    Path missing = dir.resolve("absent.conf");
    assertThatThrownBy(() -> SquidEvaluator.load(missing, Optional.empty(), ConfigRoot.none()))
        .isInstanceOf(InputException.class)
        .hasMessage(missing + ": cannot read: no such file");
  }

  @Test
  void globMatchingNothingIsAWarningNotAnError() throws IOException {
    Path file = write("squid.conf", "include /nonexistent-dir/*.conf\nhttp_access allow all\n");
    SquidEvaluator evaluator = SquidEvaluator.load(file, Optional.empty(), ConfigRoot.none());
    assertThat(evaluator.evaluate(List.of(TestEndpoints.https("a.example.com"))).get(0).outcome())
        .hasToString("ALLOWED");
    assertThat(evaluator.warnings()).singleElement().asString().contains("matches no file");
  }

  @Test
  void repeatedUnmodelledDirectiveIsWarnedOnceAtItsFirstLine() throws IOException {
    Path file =
        write(
            "squid.conf",
            "http_access allow all\nadapted_http_access deny all\nadapted_http_access allow all\n"
                + "logformat short %ts\n");
    SquidEvaluator evaluator = SquidEvaluator.load(file, Optional.empty(), ConfigRoot.none());
    assertThat(evaluator.warnings())
        .singleElement()
        .asString()
        .startsWith(file + ":2: adapted_http_access is not modelled");
  }

  @Test
  void continuationLinesJoinAndTrailingCommentsEndTheLine() throws IOException {
    Path file =
        write(
            "squid.conf",
            "acl ms dstdomain .microsoft.com \\\n  .live.com # comment .example.com\n"
                + "http_access allow ms\n");
    SquidEvaluator evaluator = SquidEvaluator.load(file, Optional.empty(), ConfigRoot.none());
    var decisions =
        evaluator.evaluate(
            List.of(TestEndpoints.https("login.live.com"), TestEndpoints.https("example.com")));
    assertThat(decisions.get(0).outcome()).hasToString("ALLOWED");
    assertThat(decisions.get(1).outcome()).hasToString("DENIED");
  }

  @Test
  void eachUnknownAclIsWarnedOnceWhateverTheNumberOfEndpoints() throws IOException {
    Path file =
        write(
            "squid.conf",
            "acl t time 08:00-18:00\nhttp_access allow t\nhttp_access deny t\nhttp_access deny"
                + " all\n");
    SquidEvaluator evaluator = SquidEvaluator.load(file, Optional.empty(), ConfigRoot.none());
    evaluator.evaluate(
        List.of(TestEndpoints.https("a.example.com"), TestEndpoints.http("b.example.com")));
    assertThat(evaluator.warnings())
        .singleElement()
        .asString()
        .startsWith(file + ":1: acl t of type time is not modelled");
  }
}

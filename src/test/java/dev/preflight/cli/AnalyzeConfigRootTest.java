package dev.preflight.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.preflight.testing.ProxyCopy;
import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code analyze --squid copy/etc/squid/squid.conf --config-root copy} through the real command
 * line: a configuration copied from a proxy, with absolute include and acl paths, is judged.
 */
@Timeout(60)
class AnalyzeConfigRootTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private static JsonNode endpoint(JsonNode report, String id) {
    return StreamSupport.stream(report.get("services").spliterator(), false)
        .flatMap(s -> StreamSupport.stream(s.get("endpoints").spliterator(), false))
        .filter(e -> e.get("id").asText().equals(id))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no endpoint " + id));
  }

  @Test
  void aCopiedProxyIsJudgedUnderItsConfigRoot() throws IOException {
    Path copy = ProxyCopy.into(dir.resolve("copy"));
    CliRun run =
        CliRun.of(
            "analyze",
            "--squid",
            ProxyCopy.squidConf(copy).toString(),
            "--config-root",
            copy.toString(),
            "--client-ip",
            "10.20.1.1",
            "--format",
            "json");
    assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
    JsonNode report = JSON.readTree(run.out());
    assertThat(report.get("warnings")).isEmpty();
    JsonNode ztd = endpoint(report, "ztd-dds");
    assertThat(ztd.get("status").asText()).isEqualTo("PASS");
    assertThat(ztd.get("evidence").get("file").asText())
        .isEqualTo(copy.toRealPath().resolve("etc/squid/conf.d/10-autopilot.conf").toString());
    JsonNode graph = endpoint(report, "graph-microsoft");
    assertThat(graph.get("cause").asText()).isEqualTo("POLICY_DENIED");
    assertThat(graph.get("evidence").get("rule").asText()).isEqualTo("http_access deny all");
  }

  @Test
  void withoutTheRootAMissingAclFileIsOneMessageThatNamesTheOption() {
    Path copy = ProxyCopy.into(dir.resolve("copy"));
    CliRun run = CliRun.of("analyze", "--squid", ProxyCopy.squidConf(copy).toString());
    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().lines())
        .singleElement()
        .asString()
        .startsWith("preflight: " + ProxyCopy.squidConf(copy) + ":6: ")
        .contains("cannot read acl file /etc/squid/ip_group_a.txt: no such file")
        .contains("pass --config-root DIR");
  }

  @Test
  void aConfigRootThatDoesNotExistIsABadOption() {
    Path copy = ProxyCopy.into(dir.resolve("copy"));
    CliRun run =
        CliRun.of(
            "analyze",
            "--squid",
            ProxyCopy.squidConf(copy).toString(),
            "--config-root",
            dir.resolve("absent").toString());
    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.err()).startsWith("preflight: --config-root: ").contains("no such file");
  }
}

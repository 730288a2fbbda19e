package dev.preflight.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.preflight.catalog.Catalog;
import dev.preflight.catalog.CatalogLoader;
import dev.preflight.catalog.Endpoint;
import dev.preflight.catalog.Impact;
import dev.preflight.catalog.Scenario;
import dev.preflight.catalog.Tpm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code preflight analyze} through the real command line: exit codes, JSON and messages. */
@Timeout(60)
class AnalyzeCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    return file;
  }

  private static List<Endpoint> needed() {
    Catalog catalog = CatalogLoader.shipped();
    return catalog.select(Set.of(Scenario.USER_DRIVEN), Tpm.DISCRETE);
  }

  /** Every pattern the user-driven scenario needs, one a line, except those {@code left out}. */
  private Path allowlistWithout(List<String> leftOut) throws IOException {
    List<String> lines = new ArrayList<>();
    for (Endpoint e : needed()) {
      if (!leftOut.contains(e.pattern())) {
        lines.add(e.pattern());
      }
    }
    return write("allow.txt", String.join("\n", lines) + "\n");
  }

  private static JsonNode endpoint(JsonNode report, String host) {
    return StreamSupport.stream(report.get("services").spliterator(), false)
        .flatMap(s -> StreamSupport.stream(s.get("endpoints").spliterator(), false))
        .filter(e -> e.get("host").asText().equals(host))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no endpoint " + host));
  }

  @Test
  void squidAllowingEverythingIsReady() throws IOException {
    Path squid = write("squid.conf", "http_access allow all\n");
    CliRun run = CliRun.of("analyze", "--squid", squid.toString(), "--format", "json");
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode report = JSON.readTree(run.out());
    assertThat(report.get("mode").asText()).isEqualTo("analyze");
    assertThat(report.get("verdict").asText()).isEqualTo("READY");
    JsonNode ztd = endpoint(report, "ztd.dds.microsoft.com");
    assertThat(ztd.get("status").asText()).isEqualTo("PASS");
    assertThat(ztd.get("evidence").get("line").asInt()).isEqualTo(1);
    assertThat(endpoint(report, "time.windows.com").get("status").asText()).isEqualTo("SKIP");
  }

  @Test
  void squidDenyingABlockingEndpointIsBlockedWithEvidence() throws IOException {
    Path squid =
        write(
            "squid.conf",
            "acl ztd dstdomain ztd.dds.microsoft.com\nhttp_access deny ztd\nhttp_access allow all\n");
    CliRun run = CliRun.of("analyze", "--squid", squid.toString(), "--format", "json");
    assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
    JsonNode ztd = endpoint(JSON.readTree(run.out()), "ztd.dds.microsoft.com");
    assertThat(ztd.get("status").asText()).isEqualTo("FAIL");
    assertThat(ztd.get("cause").asText()).isEqualTo("POLICY_DENIED");
    assertThat(ztd.get("evidence").get("file").asText()).isEqualTo(squid.toString());
    assertThat(ztd.get("evidence").get("line").asInt()).isEqualTo(2);
    assertThat(ztd.get("evidence").get("rule").asText()).isEqualTo("http_access deny ztd");
    assertThat(ztd.get("remedy").asText()).contains("ztd.dds.microsoft.com");
  }

  @Test
  void proxyAuthenticationIsBlocking() throws IOException {
    Path squid =
        write(
            "squid.conf",
            "auth_param basic program /usr/lib/squid/basic_fake_auth\n"
                + "acl auth proxy_auth REQUIRED\nhttp_access allow auth\n");
    CliRun run = CliRun.of("analyze", "--squid", squid.toString(), "--format", "json");
    assertThat(run.exitCode()).isEqualTo(2);
    JsonNode ztd = endpoint(JSON.readTree(run.out()), "ztd.dds.microsoft.com");
    assertThat(ztd.get("cause").asText()).isEqualTo("POLICY_AUTH_REQUIRED");
    assertThat(ztd.get("evidence").get("line").asInt()).isEqualTo(3);
  }

  @Test
  void completeAllowlistIsReady() throws IOException {
    CliRun run =
        CliRun.of(
            "analyze", "--allowlist", allowlistWithout(List.of()).toString(), "--format", "json");
    assertThat(run.exitCode()).as(run.out()).isZero();
    assertThat(endpoint(JSON.readTree(run.out()), "time.windows.com").get("status").asText())
        .isEqualTo("PASS");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "csv,      'service,impact,endpoint,target,'",
    "markdown, '# Windows Autopilot network readiness: READY'",
    "junit,    '<?xml version=\"1.0\" encoding=\"UTF-8\"?>'",
    "html,     '<!DOCTYPE html>'",
  })
  void everyReportFormatIsAvailable(String format, String start) throws IOException {
    CliRun run =
        CliRun.of(
            "analyze", "--allowlist", allowlistWithout(List.of()).toString(), "--format", format);
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).startsWith(start);
  }

  @Test
  void allowlistMissingADegradedServiceIsDegraded() throws IOException {
    Set<String> blocking =
        needed().stream()
            .filter(e -> e.impact() == Impact.BLOCKING)
            .map(Endpoint::pattern)
            .collect(java.util.stream.Collectors.toSet());
    List<String> degraded =
        needed().stream()
            .filter(e -> e.impact() == Impact.DEGRADED)
            .map(Endpoint::pattern)
            .filter(p -> !blocking.contains(p))
            .limit(1)
            .toList();
    assertThat(degraded).isNotEmpty();
    CliRun run =
        CliRun.of(
            "analyze", "--allowlist", allowlistWithout(degraded).toString(), "--format", "json");
    assertThat(run.exitCode()).as(run.out()).isEqualTo(1);
    assertThat(run.out()).contains("\"cause\" : \"POLICY_NOT_LISTED\"");
  }

  @Test
  void standInWithoutItsWildcardWarns() throws IOException {
    Endpoint wildcard =
        needed().stream()
            .filter(e -> e.wildcard() != null && e.impact() == Impact.BLOCKING)
            .filter(
                e -> e.wildcard().startsWith("*.") && !e.host().equals(e.wildcard().substring(2)))
            .findFirst()
            .orElseThrow();
    Path allow = allowlistWithout(List.of(wildcard.pattern()));
    Files.writeString(allow, wildcard.host() + "\n", java.nio.file.StandardOpenOption.APPEND);
    CliRun run = CliRun.of("analyze", "--allowlist", allow.toString(), "--format", "json");
    JsonNode result = endpoint(JSON.readTree(run.out()), wildcard.host());
    assertThat(result.get("status").asText()).isEqualTo("WARN");
    assertThat(result.get("cause").asText()).isEqualTo("POLICY_NOT_LISTED");
    assertThat(result.get("detail").asText()).contains("but not the whole " + wildcard.wildcard());
    assertThat(run.exitCode()).isEqualTo(1);
  }

  @Test
  void combinedConfigurationsTakeTheWorstOutcome() throws IOException {
    Path squid = write("squid.conf", "http_access allow all\n");
    Path allow = allowlistWithout(List.of("ztd.dds.microsoft.com"));
    CliRun run =
        CliRun.of(
            "analyze",
            "--squid",
            squid.toString(),
            "--allowlist",
            allow.toString(),
            "--format",
            "json");
    assertThat(run.exitCode()).isEqualTo(2);
    JsonNode ztd = endpoint(JSON.readTree(run.out()), "ztd.dds.microsoft.com");
    assertThat(ztd.get("cause").asText()).isEqualTo("POLICY_NOT_LISTED");
    assertThat(ztd.get("detail").asText()).contains("allow.txt has no entry covering");
  }

  @Test
  void pacRouteAppearsInTheReport() throws IOException {
    Path pac =
        write(
            "proxy.pac",
            "function FindProxyForURL(url, host) {\n"
                + "  if (dnsDomainIs(host, \".microsoft.com\")) return \"PROXY 198.18.0.1:3128\";\n"
                + "  return \"DIRECT\";\n}\n");
    Path squid = write("squid.conf", "http_access allow all\n");
    CliRun run =
        CliRun.of(
            "analyze", "--pac", pac.toString(), "--squid", squid.toString(), "--format", "json");
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode report = JSON.readTree(run.out());
    assertThat(endpoint(report, "ztd.dds.microsoft.com").get("route").asText())
        .isEqualTo("PROXY 198.18.0.1:3128");
    assertThat(endpoint(report, "login.live.com").get("route").asText()).isEqualTo("DIRECT");
  }

  @Test
  void resolveModeDecidesPacDnsHelpers() throws IOException {
    Path pac =
        write(
            "proxy.pac",
            "function FindProxyForURL(url, host) {\n"
                + "  if (isResolvable(host)) return \"DIRECT\";\n"
                + "  return \"PROXY 198.18.0.9:8080\";\n}\n");
    Path hosts = write("hosts.txt", "198.18.0.20 ztd.dds.microsoft.com\n");
    JsonNode offline =
        JSON.readTree(CliRun.of("analyze", "--pac", pac.toString(), "--format", "json").out());
    assertThat(endpoint(offline, "ztd.dds.microsoft.com").get("route").asText())
        .isEqualTo("PROXY 198.18.0.9:8080");
    assertThat(endpoint(offline, "ztd.dds.microsoft.com").get("detail").asText())
        .contains("depends on DNS");
    JsonNode fromHosts =
        JSON.readTree(
            CliRun.of(
                    "analyze",
                    "--pac",
                    pac.toString(),
                    "--resolve",
                    "hosts:" + hosts,
                    "--format",
                    "json")
                .out());
    assertThat(endpoint(fromHosts, "ztd.dds.microsoft.com").get("route").asText())
        .isEqualTo("DIRECT");
    assertThat(endpoint(fromHosts, "login.live.com").get("route").asText())
        .isEqualTo("PROXY 198.18.0.9:8080");
  }

  @Test
  void clientIpDecidesSquidSrcAcls() throws IOException {
    Path squid =
        write(
            "squid.conf", "acl provisioning src 198.18.10.0/24\nhttp_access allow provisioning\n");
    assertThat(
            CliRun.of("analyze", "--squid", squid.toString(), "--client-ip", "198.18.10.7")
                .exitCode())
        .isZero();
    assertThat(
            CliRun.of("analyze", "--squid", squid.toString(), "--client-ip", "198.18.11.7")
                .exitCode())
        .isEqualTo(2);
    CliRun unknown = CliRun.of("analyze", "--squid", squid.toString(), "--format", "json");
    assertThat(unknown.exitCode()).isEqualTo(1);
    assertThat(unknown.out()).contains("pass --client-ip to decide it");
  }

  @Test
  void textReportAndOutputFile() throws IOException {
    Path squid = write("squid.conf", "http_access deny all\n");
    Path report = dir.resolve("report.txt");
    CliRun run = CliRun.of("analyze", "--squid", squid.toString(), "--output", report.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(Files.readString(report)).contains("POLICY_DENIED").contains("BLOCKED");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "no configuration||give at least one of --pac, --allowlist or --squid",
        "bad client ip|--squid SQUID --client-ip 10.0.0.999|--client-ip: '10.0.0.999' is not an",
        "bad resolve mode|--squid SQUID --resolve sometimes|--resolve: expected offline, hosts:FILE or system, got 'sometimes'",
        "malformed squid|--squid BAD_SQUID|bad.conf:2: acl nosuch is not defined",
        "malformed allowlist|--allowlist BAD_ALLOW|bad.txt:2: 'a.*.com' has a wildcard",
        "missing squid file|--squid MISSING|missing.conf: cannot read: no such file",
        "bad scenario|--squid SQUID --scenario sideways|unknown scenario 'sideways'",
        "binary squid file|--squid BINARY|binary.bin:1: cannot read: not UTF-8 text",
        "binary allowlist|--allowlist BINARY|binary.bin:1: cannot read: not UTF-8 text",
      })
  void badInputExitsThreeWithOneMessage(String what, String args, String message)
      throws IOException {
    write("squid.conf", "http_access allow all\n");
    write("bad.conf", "acl a src all\nhttp_access allow nosuch\n");
    write("bad.txt", "ok.example.com\na.*.com\n");
    Files.write(
        dir.resolve("binary.bin"), new byte[] {'a', 'c', 'l', ' ', (byte) 0xff, (byte) 0xfe});
    List<String> argv = new ArrayList<>(List.of("analyze"));
    if (args != null) {
      for (String arg : args.split(" ")) {
        argv.add(
            switch (arg) {
              case "SQUID" -> dir.resolve("squid.conf").toString();
              case "BAD_SQUID" -> dir.resolve("bad.conf").toString();
              case "BAD_ALLOW" -> dir.resolve("bad.txt").toString();
              case "MISSING" -> dir.resolve("missing.conf").toString();
              case "BINARY" -> dir.resolve("binary.bin").toString();
              default -> arg;
            });
      }
    }
    CliRun run = CliRun.of(argv.toArray(String[]::new));
    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains(message).doesNotContain("Exception").doesNotContain("\tat ");
  }

  /** The hostile scripts of the sandbox tests, run through the command: exit 3, file and line. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "infinite-loop.pac | 3 4",
        "java-system.pac   | 3",
        "packages.pac      | 2",
        "huge-repeat.pac   | 2",
        "syntax-error.pac  | 2",
      })
  void hostilePacScriptExitsThreeNamingFileAndLine(String file, String lines) {
    String path = Path.of("src/test/resources/pac/sandbox", file).toString();
    // A guard against a hang only; the stop times themselves are measured by bench/pac-eval.sh.
    CliRun run =
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
            java.time.Duration.ofSeconds(10), () -> CliRun.of("analyze", "--pac", path));
    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .matches(
            "preflight: "
                + java.util.regex.Pattern.quote(path)
                + ":("
                + lines.replace(' ', '|')
                + "): .+\\n")
        .doesNotContain("Exception", "\tat ");
  }
}

package dev.preflight.lab;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One finished {@code preflight check} run: its exit code, its parsed JSON report and what it
 * printed. The assertion helpers put a one-line-per-endpoint summary into every failure message, so
 * a failing lab test says what preflight saw.
 */
record CheckRun(int exitCode, JsonNode report, String stdout, String stderr, Duration took) {

  /** Every endpoint of every service, in report order. */
  List<JsonNode> endpoints() {
    List<JsonNode> all = new ArrayList<>();
    report.path("services").forEach(service -> service.path("endpoints").forEach(all::add));
    return all;
  }

  /** The endpoints probed on {@code host} with {@code protocol} ({@code https}, {@code ntp}...). */
  List<JsonNode> endpoints(String host, String protocol) {
    List<JsonNode> found =
        endpoints().stream()
            .filter(e -> host.equalsIgnoreCase(e.path("host").asText()))
            .filter(e -> protocol.equals(e.path("protocol").asText()))
            .toList();
    assertThat(found).as("endpoints %s on %s in\n%s", protocol, host, summary()).isNotEmpty();
    return found;
  }

  String verdict() {
    return report.path("verdict").asText();
  }

  /** Asserts the overall verdict and the exit code the contract pairs with it. */
  CheckRun assertVerdict(String verdict, int exitCode) {
    assertThat(verdict()).as("verdict of\n%s", summary()).isEqualTo(verdict);
    assertThat(exitCode()).as("exit code of\n%s", summary()).isEqualTo(exitCode);
    return this;
  }

  /**
   * Asserts that every endpoint on {@code host} with {@code protocol} failed with {@code cause}.
   */
  CheckRun assertFails(String host, String protocol, String cause) {
    for (JsonNode endpoint : endpoints(host, protocol)) {
      assertThat(endpoint.path("status").asText())
          .as("status of %s", line(endpoint))
          .isEqualTo("FAIL");
      assertThat(endpoint.path("cause").asText())
          .as("cause of %s", line(endpoint))
          .isEqualTo(cause);
    }
    return this;
  }

  /**
   * Asserts that every endpoint on {@code host} with {@code protocol} warned with {@code cause}.
   */
  CheckRun assertWarns(String host, String protocol, String cause) {
    for (JsonNode endpoint : endpoints(host, protocol)) {
      assertThat(endpoint.path("status").asText())
          .as("status of %s", line(endpoint))
          .isEqualTo("WARN");
      assertThat(endpoint.path("cause").asText())
          .as("cause of %s", line(endpoint))
          .isEqualTo(cause);
    }
    return this;
  }

  /** The report's warnings, one sentence each. */
  List<String> warnings() {
    List<String> all = new ArrayList<>();
    report.path("warnings").forEach(w -> all.add(w.asText()));
    return all;
  }

  /** Asserts that every endpoint not on one of {@code hosts} passed: the fault hit only them. */
  CheckRun assertOthersPass(String... hosts) {
    List<String> victims = List.of(hosts);
    List<String> others =
        endpoints().stream()
            .filter(e -> !victims.contains(e.path("host").asText()))
            .filter(e -> !"PASS".equals(e.path("status").asText()))
            .map(CheckRun::line)
            .toList();
    assertThat(others).as("endpoints other than %s that did not pass", victims).isEmpty();
    return this;
  }

  /** Asserts that every endpoint probed with {@code protocol} passed. */
  CheckRun assertProtocolPasses(String protocol) {
    List<String> failed =
        endpoints().stream()
            .filter(e -> protocol.equals(e.path("protocol").asText()))
            .filter(e -> !"PASS".equals(e.path("status").asText()))
            .map(CheckRun::line)
            .toList();
    assertThat(failed).as("%s endpoints that did not pass", protocol).isEmpty();
    return this;
  }

  /** One line per endpoint: status, cause, protocol, host and detail. */
  String summary() {
    return endpoints().stream().map(CheckRun::line).collect(Collectors.joining("\n"))
        + "\nverdict "
        + verdict()
        + ", exit "
        + exitCode
        + (stderr.isBlank() ? "" : "\nstderr: " + stderr.strip());
  }

  private static String line(JsonNode e) {
    return String.format(
        "%-4s %-22s %-8s %s:%s %s",
        e.path("status").asText(),
        e.path("cause").asText(""),
        e.path("protocol").asText(),
        e.path("host").asText(),
        e.path("port").asText(),
        e.path("detail").asText(""));
  }
}

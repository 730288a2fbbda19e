package dev.preflight.lab;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Judging stays right when the run is large, the network slow or the machine busy: hundreds of
 * generated endpoints behind a long round trip all pass, a healthy lab checked while two processes
 * keep both cores busy is READY every time, and a real drop under the same load is still found and
 * confirmed by a second attempt. Correctness only; the timings are for {@code bench/}.
 */
@Tag("lab")
@ExtendWith(LabExtension.class)
@Timeout(600)
class ScaleAndLoadIT {
  private final Lab lab;
  private final Preflight preflight;

  ScaleAndLoadIT(Lab lab) {
    this.lab = lab;
    this.preflight = new Preflight(lab);
  }

  /** A user catalog of {@code count} blocking HTTPS endpoints on the lab's generated hosts. */
  private static Path generated(Path dir, int count) throws IOException {
    String entries =
        IntStream.rangeClosed(1, count)
            .mapToObj(
                i ->
                    "  - {id: gen-%d, service: generated, host: p%d.%s, protocol: https, ports:"
                            .formatted(i, i, Lab.GENERATED_ZONE)
                        + " [443], impact: BLOCKING}")
            .collect(Collectors.joining("\n"));
    Path file = dir.resolve("generated.yaml");
    Files.writeString(
        file,
        "services:\n  - {id: generated, name: Generated endpoints, consequence: None.}\n"
            + "endpoints:\n"
            + entries
            + "\n",
        StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void fiveHundredGeneratedEndpointsBehindA200MsRoundTripAllPass(@TempDir Path dir)
      throws IOException {
    lab.fault("rtt", "200");

    CheckRun run = preflight.check("--catalog", generated(dir, 500).toString());

    List<JsonNode> generated =
        run.endpoints().stream()
            .filter(e -> e.path("host").asText().endsWith("." + Lab.GENERATED_ZONE))
            .toList();
    assertThat(generated).hasSize(500);
    run.assertOthersPass().assertVerdict("READY", 0);
    assertThat(generated.get(0).path("timings").path("connectMs").asLong())
        .as("the added round trip delays the TCP handshake too")
        .isGreaterThanOrEqualTo(190);
  }

  @Test
  void aHealthyLabCheckedWhileBothCoresAreBusyIsReadyThreeRunsInARow() {
    CpuLoad load = CpuLoad.start(2);
    try {
      for (int i = 0; i < 3; i++) {
        preflight.check().assertOthersPass().assertVerdict("READY", 0);
      }
    } finally {
      load.close();
    }
  }

  @Test
  void aRealDropUnderTheSameLoadIsStillFoundAndConfirmed() {
    lab.fault("tcp-drop", Lab.BLOCKING_HOST);
    CpuLoad load = CpuLoad.start(2);
    try {
      CheckRun run =
          preflight
              .check()
              .assertFails(Lab.BLOCKING_HOST, "https", "TCP_TIMEOUT")
              .assertOthersPass(Lab.BLOCKING_HOST)
              .assertVerdict("BLOCKED", 2);
      assertThat(run.endpoints(Lab.BLOCKING_HOST, "https").get(0).path("detail").asText())
          .as("both attempts named")
          .contains("(dropped), twice");
    } finally {
      load.close();
    }
  }
}

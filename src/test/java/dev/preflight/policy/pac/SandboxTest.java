package dev.preflight.policy.pac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.preflight.common.InputException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Hostile scripts: each must end with an InputException naming the file and the line, quickly, and
 * without harming the JVM. Wall-clock numbers live in bench/pac-eval.sh; the timeout here only
 * proves nothing hangs.
 */
@Timeout(60)
class SandboxTest {
  private static final Duration HANG = Duration.ofSeconds(5);

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          infinite-loop.pac      | 3 4 | while FindProxyForURL("https://a.example/", "a.example")
          java-system.pac        | 3   | "java" is not defined
          packages.pac           | 2   | "Packages" is not defined
          huge-repeat.pac        | 2   | tried to build a string of 1000000000 characters with repeat()
          doubling.pac           | 4 5 | while FindProxyForURL
          syntax-error.pac       | 2   | missing ) after condition
          top-level-loop.pac     | 2   | while loading the script
          swallow-stop.pac       | 3   | while FindProxyForURL
          huge-join.pac          | 2   | tried to walk an array of 1000000000 elements with join()
          huge-apply.pac         | 2   | tried to walk an array of 100000000 elements with apply()
          huge-return.pac        | 3 4 | returned a string of more than 4194304 characters
          deep-recursion.pac     | 1   | stack
          array-growth.pac       | 3   | FindProxyForURL
          typed-array.pac        | 2   | "ArrayBuffer" is not defined
          regex-backtracking.pac | 2   | FindProxyForURL
          returns-number.pac     | 2   | returned a number, not a string
          reference-error.pac    | 2   | "undefinedFunction" is not defined
          getter-entry.pac       | 3   | while looking up FindProxyForURL
          huge-join-elements.pac | 3   | characters with join()
          huge-json.pac          | 2   | tried to walk an array of 1000000000 elements with stringify()
          """)
  void hostileScriptStopsWithFileAndLine(String file, String lines, String fragment) {
    Path path = Path.of("src/test/resources/pac/sandbox", file);
    List<Integer> expectedLines =
        java.util.Arrays.stream(lines.split(" ")).map(Integer::parseInt).toList();

    InputException failure =
        assertTimeoutPreemptively(
            HANG,
            () ->
                catchThrowableOfType(
                    InputException.class,
                    () ->
                        PacEngine.load(PacScript.fromFile(path))
                            .findProxy("https://a.example/", "a.example")));

    assertThat(failure).as("an InputException").isNotNull();
    assertThat(failure.source()).isEqualTo(path.toString());
    assertThat(failure.line()).isIn(expectedLines);
    assertThat(failure.getMessage())
        .startsWith(path + ":" + failure.line() + ": ")
        .contains(fragment);
  }

  @Test
  void doublingStringStopsOnTheAllocationBudget() {
    PacLimits generous =
        new PacLimits(
            Duration.ofSeconds(30),
            Duration.ofSeconds(1),
            Long.MAX_VALUE,
            128L << 20,
            1 << 22,
            1_000_000);
    Path path = Path.of("src/test/resources/pac/sandbox/doubling.pac");
    PacEngine engine =
        PacEngine.load(PacScript.fromFile(path), PacEnvironment.defaults().withLimits(generous));

    InputException failure =
        assertTimeoutPreemptively(
            HANG,
            () ->
                catchThrowableOfType(
                    InputException.class,
                    () -> engine.findProxy("https://a.example/", "a.example")));

    assertThat(failure.getMessage())
        .startsWith(path + ":5: ")
        .contains("allocated more than 128 MiB");
  }

  @Test
  void engineRefusesFurtherCallsAfterABreach() {
    PacEngine engine =
        PacEngine.load(
            PacScript.fromFile(Path.of("src/test/resources/pac/sandbox/huge-repeat.pac")));
    InputException first =
        catchThrowableOfType(InputException.class, () -> engine.findProxy("https://a/", "a"));

    assertThatThrownBy(() -> engine.findProxy("https://b/", "b")).isSameAs(first);
  }

  @Test
  void globalObjectOffersNoBridgeToJava() {
    PacEngine engine =
        PacEngine.load(
            PacScript.fromFile(Path.of("src/test/resources/pac/sandbox/reach-global.pac")));

    assertThat(engine.findProxy("https://a/", "a").spelled()).isEqualTo("DIRECT");
  }

  @Test
  void scriptCannotCatchItsOwnTermination() {
    Path path = Path.of("src/test/resources/pac/sandbox/swallow-stop.pac");
    PacEngine engine = PacEngine.load(PacScript.fromFile(path));

    assertThatThrownBy(() -> engine.findProxy("https://a/", "a"))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith(path + ":3: the script ")
        .hasMessageContaining("while FindProxyForURL");
  }

  @Test
  void lookupThatIgnoresItsDeadlineIsAbandoned() {
    PacResolver stuck =
        PacResolver.system(
            name -> {
              try {
                Thread.sleep(60_000);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              return List.of();
            });
    PacLimits shortDns =
        new PacLimits(
            Duration.ofSeconds(1),
            Duration.ofMillis(200),
            50_000_000L,
            128L << 20,
            1 << 22,
            1_000_000);
    PacEngine engine =
        PacEngine.load(
            PacScript.of(
                "stuck.pac",
                "function FindProxyForURL(u, h) {\n  return isResolvable(h) ? 'DIRECT' : 'PROXY p:1';\n}"),
            PacEnvironment.defaults().withResolver(stuck).withLimits(shortDns));

    assertThatThrownBy(
            () -> assertTimeoutPreemptively(HANG, () -> engine.findProxy("https://a/", "a")))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith("stuck.pac:2: ")
        .hasMessageContaining("waiting for a DNS answer for a");
  }
}

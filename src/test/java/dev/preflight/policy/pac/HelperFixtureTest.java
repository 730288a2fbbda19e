package dev.preflight.policy.pac;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mozilla.javascript.ScriptRuntime;

/** Every PAC helper, evaluated in the sandbox, against the table in pac/helpers.txt. */
@Timeout(60)
class HelperFixtureTest {
  private static final Path FIXTURES = Path.of("src/test/resources/pac/helpers.txt");
  static final Clock FRIDAY_NIGHT_UTC =
      Clock.fixed(Instant.parse("2026-11-27T23:30:00Z"), ZoneId.of("Europe/Berlin"));
  private static final PacEngine ENGINE =
      PacEngine.load(
          PacScript.of("helpers.pac", "function FindProxyForURL(url, host) { return 'DIRECT'; }"),
          PacEnvironment.defaults()
              .withResolver(PacResolver.hostsFile(Path.of("src/test/resources/pac/hosts.txt")))
              .withClientIp("198.18.7.7")
              .withClock(FRIDAY_NIGHT_UTC));

  static Stream<Arguments> fixtures() throws IOException {
    return Files.readAllLines(FIXTURES).stream()
        .filter(line -> !line.isBlank() && !line.startsWith("#"))
        .map(line -> line.split(" => ", 2))
        .map(parts -> Arguments.of(parts[0].strip(), parts[1].strip()));
  }

  @ParameterizedTest(name = "{0} => {1}")
  @MethodSource("fixtures")
  void helperAnswersAsTheReferenceDoes(String expression, String expected) {
    assertThat(show(ENGINE.evaluate(expression))).isEqualTo(expected);
  }

  /** JavaScript-style rendering: strings quoted, numbers without a trailing ".0". */
  static String show(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof String text) {
      return "\"" + text + "\"";
    }
    if (value instanceof Number number) {
      return ScriptRuntime.numberToString(number.doubleValue(), 10);
    }
    return String.valueOf(value);
  }
}

package dev.preflight.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.preflight.common.InputException;
import dev.preflight.common.InputKind;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every kind of bad file is one InputException naming the file and line, never a crash. */
@Timeout(60)
class M365MalformedInputTest {
  @TempDir Path dir;

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "malformed-missing-comma.json | 3 | malformed JSON: Unexpected character ('{'",
        "object-not-array.json       | 1 | expected a JSON array of endpoint sets, found an object",
        "array-of-arrays.json        | 2 | each endpoint set must be a JSON object, found an array",
        "ports-garbage.json          | 5 | 'tcpPorts': bad port 'https'",
        "ports-number.json           | 4 | 'tcpPorts' must be a string, found a number",
        "ports-backwards.json        | 4 | 'tcpPorts': bad port '443-80'",
        "ports-too-high.json         | 4 | 'tcpPorts': bad port '70000'",
        "bad-ipv6.json               | 5 | 'ips' holds '2603:1006::1::/48', which is not an IPv4 or IPv6",
        "bad-ipv4.json               | 4 | 'ips' holds '10.0.0.0/33'",
        "urls-not-array.json         | 4 | 'urls' must be an array of strings, found a string",
        "urls-not-a-name.json        | 4 | 'urls' holds 'https://a.example.com/path', which is not a host",
        "id-string.json              | 3 | 'id' must be a whole number, found a string",
        "required-string.json        | 4 | 'required' must be true or false, found a string",
        "category-unknown.json       | 4 | unknown category 'Sometimes' (expected Optimize, Allow or Default)",
        "truncated.json              | 3 | malformed JSON: Unexpected end-of-input",
        "duplicate-field.json        | 2 | malformed JSON: Duplicate field 'id'",
        "trailing-content.json       | 2 | unexpected content after the array of endpoint sets",
        "empty.json                  | 1 | the file is empty (expected a JSON array of endpoint sets)"
      })
  void badFileNamesFileLineAndReason(String fixture, int line, String reason) throws IOException {
    Path file = M365Fixtures.copy("bad/" + fixture, dir);
    InputException e =
        catchThrowableOfType(
            InputException.class, () -> M365Importer.importFile(file, M365Importer.Options.ALL));
    assertThat(e).as("an InputException for %s", fixture).isNotNull();
    assertThat(e.source()).isEqualTo(file.toString());
    assertThat(e.line()).isEqualTo(line);
    assertThat(e.reason()).startsWith(reason);
    assertThat(e.getMessage()).startsWith(file + ":" + line + ": ");
  }

  @Test
  void fileOverTheCapIsRejectedBeforeReading() throws IOException {
    Path big = dir.resolve("big.json");
    try (RandomAccessFile raf = new RandomAccessFile(big.toFile(), "rw")) {
      raf.setLength(InputKind.M365_JSON.maxBytes() + 1);
    }
    assertThatThrownBy(() -> M365Importer.importFile(big, M365Importer.Options.ALL))
        .isInstanceOf(InputException.class)
        .hasMessage(big + ": the endpoint list is larger than 32 MiB");
  }

  @Test
  void deepNestingInAnUnknownFieldIsRejected() throws IOException {
    String deep = "[{\"future\": " + "[".repeat(50) + "]".repeat(50) + "}]";
    Path file = Files.writeString(dir.resolve("deep.json"), deep);
    assertThatThrownBy(() -> M365Importer.importFile(file, M365Importer.Options.ALL))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith(file + ": not an endpoint list: Document nesting depth");
  }

  @Test
  void hugeStringIsRejected() throws IOException {
    String notes = "x".repeat((1 << 20) + 1);
    Path file = Files.writeString(dir.resolve("huge.json"), "[{\"notes\": \"" + notes + "\"}]");
    assertThatThrownBy(() -> M365Importer.importFile(file, M365Importer.Options.ALL))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith(file + ": not an endpoint list: String value length");
  }

  @Test
  void directoryAndMissingFileAreInputErrors() {
    assertThatThrownBy(() -> M365Importer.importFile(dir, M365Importer.Options.ALL))
        .isInstanceOf(InputException.class)
        .hasMessage(dir + ": cannot read: it is a directory");
    Path missing = dir.resolve("missing.json");
    assertThatThrownBy(() -> M365Importer.importFile(missing, M365Importer.Options.ALL))
        .isInstanceOf(InputException.class)
        .hasMessage(missing + ": cannot read: no such file");
  }

  @Test
  void notUtf8TextIsMalformed() throws IOException {
    byte[] latin1 =
        "[{\"notes\": \"caf\u00e9\"}]".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    Path file = Files.write(dir.resolve("latin1.json"), latin1);
    assertThatThrownBy(() -> M365Importer.importFile(file, M365Importer.Options.ALL))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith(file + ":1: malformed JSON");
  }
}

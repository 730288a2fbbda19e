package dev.preflight.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The one CSV writer quotes what RFC 4180 requires and nothing else. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class CsvTest {
  @Test
  void quotesCommasQuotesAndLineBreaksOnly() {
    assertThat(Csv.field("plain")).isEqualTo("plain");
    assertThat(Csv.field("a,b")).isEqualTo("\"a,b\"");
    assertThat(Csv.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    assertThat(Csv.field("two\nlines")).isEqualTo("\"two\nlines\"");
    assertThat(Csv.field("cr\r")).isEqualTo("\"cr\r\"");
  }

  @Test
  void aRowEndsInCrLf() throws IOException {
    StringWriter out = new StringWriter();
    Csv.row(out, List.of("a", "b,c", ""));
    assertThat(out.toString()).isEqualTo("a,\"b,c\",\r\n");
  }
}

package dev.preflight.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@org.junit.jupiter.api.Timeout(10)
class SentencesTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "no DNS answer within the deadline|No DNS answer within the deadline.",
        "ztd.dds.microsoft.com does not exist (NXDOMAIN)|ztd.dds.microsoft.com does not exist (NXDOMAIN).",
        "HTTP 403 from the proxy.|HTTP 403 from the proxy.",
        "proxy 127.0.0.1:3128 refused the connection|Proxy 127.0.0.1:3128 refused the connection.",
        "is this right?|Is this right?",
        "'  spaced\tout\r\nlines  '|Spaced out lines."
      })
  void probeClausesBecomeSentences(String clause, String sentence) {
    assertThat(Sentences.sentence(clause)).isEqualTo(sentence);
  }

  @ParameterizedTest
  @CsvSource({"'',''", "'  \t ',''"})
  void emptyTextStaysEmpty(String text, String expected) {
    assertThat(Sentences.sentence(text)).isEqualTo(expected);
  }

  @org.junit.jupiter.api.Test
  void controlCharactersAreShownNotObeyed() {
    assertThat(Sentences.sentence("server says \u001b[2J\u0007 hello"))
        .isEqualTo("Server says \\x1b[2J\\x07 hello.");
  }

  @org.junit.jupiter.api.Test
  void longTextIsCutWithoutAFinalPeriod() {
    String sentence = Sentences.sentence("x".repeat(1000));

    assertThat(sentence).endsWith("… (600 more bytes)").hasSizeLessThan(Sentences.MAX_LENGTH + 30);
  }
}

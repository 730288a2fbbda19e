package dev.preflight.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
  @CsvSource({"'',''", "'\u0000\u001b',''"})
  void emptyTextStaysEmpty(String text, String expected) {
    assertThat(Sentences.sentence(text)).isEqualTo(expected);
  }
}

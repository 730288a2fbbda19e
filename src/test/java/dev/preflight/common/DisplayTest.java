package dev.preflight.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class DisplayTest {
  @Test
  void escapeSequencesAreShownNotObeyed() {
    String hostile = "HTTP/1.1 200 \u001b[2J\u001b]0;owned\u0007 OK";

    assertThat(Display.text(hostile)).isEqualTo("HTTP/1.1 200 \\x1b[2J\\x1b]0;owned\\x07 OK");
  }

  @Test
  void textKeepsNewlineAndTabButLineEscapesThem() {
    assertThat(Display.text("a\tb\nc\r")).isEqualTo("a\tb\nc\\x0d");
    assertThat(Display.line("a\tb\nc")).isEqualTo("a\\x09b\\x0ac");
  }

  @Test
  void deleteAndC1ControlsAreEscaped() {
    assertThat(Display.text("x\u007fy\u009bz")).isEqualTo("x\\x7fy\\x9bz");
  }

  @Test
  void bidirectionalOverridesAndLoneSurrogatesAreShownAsCodes() {
    assertThat(Display.text("exe.\u202etxt")).isEqualTo("exe.\\u202etxt");
    assertThat(Display.text("a\ud800b")).isEqualTo("a\\ud800b");
  }

  @Test
  void ordinaryUnicodeIsKept() {
    assertThat(Display.text("Zürich – 東京 🙂")).isEqualTo("Zürich – 東京 🙂");
  }

  @Test
  void longTextIsCutAndSaysHowManyBytesWereLeftOut() {
    String text = "é".repeat(10);

    assertThat(Display.text(text, 4)).isEqualTo("éééé… (12 more bytes)");
  }

  @Test
  void anEscapeIsNeverCutInHalf() {
    assertThat(Display.line("ab\u001bcd", 4)).isEqualTo("ab… (3 more bytes)");
  }

  @Test
  void nullIsEmpty() {
    assertThat(Display.text(null)).isEmpty();
  }

  @Test
  void noOutputHoldsAControlByteOtherThanNewlineAndTab() {
    StringBuilder all = new StringBuilder();
    for (char c = 0; c < 0x100; c++) {
      all.append(c);
    }
    String shown = Display.text(all.toString(), 10_000);

    assertThat(shown.chars().filter(c -> c < 0x20 && c != '\n' && c != '\t')).isEmpty();
    assertThat(shown.chars().filter(c -> c == 0x7f || (c >= 0x80 && c < 0xa0))).isEmpty();
  }
}

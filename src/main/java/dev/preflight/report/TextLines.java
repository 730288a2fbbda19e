package dev.preflight.report;

import java.io.IOException;
import java.io.Writer;

/** Writes the text report's lines, each ended with the platform's line separator. */
record TextLines(Writer out) {
  void add(String line) throws IOException {
    out.write(line);
    out.write(System.lineSeparator());
  }

  void blank() throws IOException {
    add("");
  }
}

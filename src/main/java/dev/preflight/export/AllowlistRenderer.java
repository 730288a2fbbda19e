package dev.preflight.export;

import java.io.IOException;
import java.io.Writer;

/**
 * Writes an {@link Allowlist} in one format. Output is deterministic: the same allowlist always
 * gives the same bytes, with {@code \n} line ends and no time stamps. The writer is flushed, not
 * closed.
 */
public interface AllowlistRenderer {
  void render(Allowlist allowlist, Writer out) throws IOException;
}

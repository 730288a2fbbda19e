package dev.preflight.export;

import java.util.Objects;

/**
 * A selected catalog entry that is deliberately not on the internet allowlist, with the reason.
 *
 * @param id the catalog entry id
 * @param pattern the host or wildcard as written in the catalog (placeholders included)
 * @param reason why it is left out, in one sentence
 */
public record ExcludedEntry(String id, String pattern, String reason) {
  public ExcludedEntry {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(pattern, "pattern");
    Objects.requireNonNull(reason, "reason");
  }
}

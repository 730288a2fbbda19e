package dev.preflight.policy;

import java.nio.charset.CharacterCodingException;

/** Words for why a configuration file could not be read, shared by the evaluators. */
public final class ReadErrors {
  private ReadErrors() {}

  /** The reason, in words a reader understands ("not UTF-8 text" rather than "Input length"). */
  public static String of(Exception e) {
    Throwable cause = e.getCause() != null ? e.getCause() : e;
    if (e instanceof CharacterCodingException || cause instanceof CharacterCodingException) {
      return "not UTF-8 text";
    }
    return String.valueOf(e.getMessage());
  }
}

package dev.preflight.policy.pac;

import java.util.ArrayList;
import java.util.List;

/**
 * A compiled {@code shExpMatch} pattern: {@code *} matches any run, {@code ?} one character, {@code
 * [...]} one character of a class ({@code [a-z]}, {@code [!0-9]} or {@code [^0-9]}); every other
 * character matches itself, case-sensitively, and the whole text must match.
 *
 * <p>Matching is a greedy scan that backtracks only to the last {@code *}, so it takes at most
 * text-length × pattern-length steps, never the exponential time a regular expression can take on
 * patterns such as {@code *a*a*a*a*c}. Long matches call the budget check periodically.
 */
final class ShellPattern {
  private static final char STAR = 0;
  private static final char ANY = 1;
  private static final char CLASS = 2;
  private static final char LITERAL = 3;

  private final char[] kinds;
  private final char[] chars;
  private final List<String> classes;
  private final int[] classIndex;

  private ShellPattern(char[] kinds, char[] chars, List<String> classes, int[] classIndex) {
    this.kinds = kinds;
    this.chars = chars;
    this.classes = classes;
    this.classIndex = classIndex;
  }

  static ShellPattern compile(String pattern) {
    int n = pattern.length();
    char[] kinds = new char[n];
    char[] chars = new char[n];
    int[] classIndex = new int[n];
    List<String> classes = new ArrayList<>();
    int size = 0;
    for (int i = 0; i < n; i++) {
      char c = pattern.charAt(i);
      int close = c == '[' ? pattern.indexOf(']', i + 2) : -1;
      if (c == '*') {
        kinds[size] = STAR;
      } else if (c == '?') {
        kinds[size] = ANY;
      } else if (close > 0) {
        kinds[size] = CLASS;
        classIndex[size] = classes.size();
        classes.add(pattern.substring(i + 1, close));
        i = close;
      } else {
        kinds[size] = LITERAL;
        chars[size] = c;
      }
      size++;
    }
    return new ShellPattern(
        java.util.Arrays.copyOf(kinds, size),
        java.util.Arrays.copyOf(chars, size),
        classes,
        java.util.Arrays.copyOf(classIndex, size));
  }

  /** True when the whole {@code text} matches; {@code budget} runs every 65,536 steps. */
  boolean matches(String text, Runnable budget) {
    int n = kinds.length;
    int t = 0;
    int p = 0;
    int starP = -1;
    int starT = 0;
    long steps = 0;
    while (t < text.length()) {
      if ((++steps & 0xffff) == 0) {
        budget.run();
      }
      if (p < n && kinds[p] != STAR && accepts(p, text.charAt(t))) {
        t++;
        p++;
      } else if (p < n && kinds[p] == STAR) {
        starP = p++;
        starT = t;
      } else if (starP >= 0) {
        p = starP + 1;
        t = ++starT;
      } else {
        return false;
      }
    }
    while (p < n && kinds[p] == STAR) {
      p++;
    }
    return p == n;
  }

  private boolean accepts(int p, char c) {
    return switch (kinds[p]) {
      case ANY -> true;
      case LITERAL -> chars[p] == c;
      default -> inClass(classes.get(classIndex[p]), c);
    };
  }

  private static boolean inClass(String body, char c) {
    boolean negated = body.charAt(0) == '!' || body.charAt(0) == '^';
    boolean found = false;
    for (int i = negated ? 1 : 0; i < body.length() && !found; i++) {
      boolean range = i + 2 < body.length() && body.charAt(i + 1) == '-';
      if (range) {
        found = body.charAt(i) <= c && c <= body.charAt(i + 2);
        i += 2;
      } else {
        found = body.charAt(i) == c;
      }
    }
    return found != negated;
  }
}

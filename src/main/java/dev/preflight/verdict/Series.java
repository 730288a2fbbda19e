package dev.preflight.verdict;

import java.util.List;

/** Writes a list of names as a sentence does: {@code a, b and c}, or {@code a, b and 79 more}. */
public final class Series {
  private Series() {}

  /**
   * The items joined with commas and a final "and"; beyond {@code shown} items, the first {@code
   * shown} and how many more there are (never "1 more": one more item is shown instead).
   */
  public static String of(List<String> items, int shown) {
    if (items.isEmpty()) {
      return "";
    }
    if (items.size() > shown + 1) {
      int more = items.size() - shown;
      return String.join(", ", items.subList(0, shown)) + " and " + more + " more";
    }
    if (items.size() == 1) {
      return items.get(0);
    }
    List<String> head = items.subList(0, items.size() - 1);
    return String.join(", ", head) + " and " + items.get(items.size() - 1);
  }
}

package dev.preflight.catalog;

import java.util.Objects;

/**
 * Where a catalog fact comes from: a page title (with its reference tag from the research notes,
 * such as {@code S1}) and the page's date.
 */
public record Source(String page, String date) {
  public Source {
    Objects.requireNonNull(page, "page");
    Objects.requireNonNull(date, "date");
  }

  @Override
  public String toString() {
    return page + " (" + date + ")";
  }
}

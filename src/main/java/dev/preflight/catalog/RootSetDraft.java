package dev.preflight.catalog;

import java.util.List;

/**
 * A named set of root CA subject common names, as read from a catalog file.
 *
 * @param roots the roots' subject CNs, such as {@code DigiCert Global Root G2}
 */
record RootSetDraft(Origin origin, String name, List<String> roots) {
  RootSetDraft {
    roots = List.copyOf(roots);
  }
}

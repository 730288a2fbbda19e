package dev.preflight.catalog;

/** Where a catalog item starts: the file (or resource) name and the 1-based line. */
record Origin(String source, int line) {
  @Override
  public String toString() {
    return source + ":" + line;
  }
}

package dev.preflight.catalog;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Reads the nested mappings of an endpoint entry: {@code expect} and {@code source}. */
final class EndpointParts {
  private static final Set<String> EXPECT_FIELDS = Set.of("httpStatus", "body", "address", "zone");
  private static final Set<String> SOURCE_FIELDS = Set.of("page", "date");

  private EndpointParts() {}

  static Expectation expect(YamlFields f) {
    YamlNode node = f.node("expect");
    if (node == null) {
      return Expectation.NONE;
    }
    YamlFields e = new YamlFields(f.source(), "'expect' of " + f.what(), node, EXPECT_FIELDS);
    Integer status = null;
    YamlNode statusNode = e.node("httpStatus");
    if (statusNode != null) {
      if (!(statusNode.value() instanceof Integer n) || n < 100 || n > 599) {
        throw f.error(
            statusNode.line(), "bad httpStatus " + statusNode.value() + " (expected 100..599)");
      }
      status = n;
    }
    return new Expectation(
        status,
        e.optionalString("body"),
        e.optionalString("address"),
        e.optionalBoolean("zone", false));
  }

  static @Nullable Source source(YamlFields f) {
    YamlNode node = f.node("source");
    if (node == null) {
      return null;
    }
    YamlFields s = new YamlFields(f.source(), "'source' of " + f.what(), node, SOURCE_FIELDS);
    return new Source(s.requiredString("page"), s.requiredString("date"));
  }
}

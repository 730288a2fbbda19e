package dev.preflight.catalog;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One YAML value and the 1-based line it starts on. The value is a {@link String}, a {@link
 * Number}, a {@link Boolean}, an unmodifiable {@code List<YamlNode>}, an unmodifiable insertion
 * ordered {@code Map<String, YamlNode>}, or null for an explicit YAML null.
 */
record YamlNode(@Nullable Object value, int line) {

  boolean isMapping() {
    return value instanceof Map;
  }

  boolean isList() {
    return value instanceof List;
  }

  @SuppressWarnings("unchecked")
  Map<String, YamlNode> mapping() {
    return (Map<String, YamlNode>) value;
  }

  @SuppressWarnings("unchecked")
  List<YamlNode> list() {
    return (List<YamlNode>) value;
  }

  /** How the value reads in an error message: "a list", "a string" and so on. */
  String kind() {
    return switch (value) {
      case null -> "nothing (null)";
      case String s -> "a string";
      case Boolean b -> "true/false";
      case Number n -> "a number";
      case List<?> l -> "a list";
      case Map<?, ?> m -> "a mapping";
      default -> "a " + value.getClass().getSimpleName();
    };
  }
}

package dev.preflight.catalog;

import dev.preflight.common.Display;
import dev.preflight.common.InputException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Typed, line-aware access to the fields of one YAML mapping. Construction rejects fields outside
 * the allowed set; every accessor rejects a value of the wrong type. Errors name the source and the
 * line of the offending value.
 */
final class YamlFields {
  private final String source;
  private final String what;
  private final YamlNode node;

  /**
   * @param what how the mapping reads in messages, such as {@code endpoint 'ztd-dds'}
   */
  YamlFields(String source, String what, YamlNode node, Set<String> allowed) {
    this.source = source;
    this.what = what;
    this.node = node;
    if (!node.isMapping()) {
      throw error(node.line(), what + " must be a mapping, not " + node.kind());
    }
    for (Map.Entry<String, YamlNode> field : node.mapping().entrySet()) {
      if (!allowed.contains(field.getKey())) {
        throw error(
            field.getValue().line(),
            "unknown field "
                + Display.quoted(field.getKey())
                + " in "
                + what
                + " (known fields: "
                + String.join(", ", new TreeSet<>(allowed))
                + ")");
      }
    }
  }

  String source() {
    return source;
  }

  String what() {
    return what;
  }

  /** The line the mapping starts on. */
  int line() {
    return node.line();
  }

  /** The line of {@code name}, or of the mapping when the field is absent. */
  int line(String name) {
    YamlNode field = node.mapping().get(name);
    return field == null ? node.line() : field.line();
  }

  boolean has(String name) {
    return node.mapping().containsKey(name);
  }

  @Nullable YamlNode node(String name) {
    return node.mapping().get(name);
  }

  String requiredString(String name) {
    String value = optionalString(name);
    if (value == null) {
      throw error(node.line(), what + " has no '" + name + "'");
    }
    return value;
  }

  @Nullable String optionalString(String name) {
    YamlNode field = node.mapping().get(name);
    if (field == null) {
      return null;
    }
    if (!(field.value() instanceof String text)) {
      throw wrongType(name, field, "a string");
    }
    if (text.isBlank()) {
      throw error(field.line(), "'" + name + "' in " + what + " must not be empty");
    }
    return printable(field, name, text).strip();
  }

  boolean optionalBoolean(String name, boolean fallback) {
    YamlNode field = node.mapping().get(name);
    if (field == null) {
      return fallback;
    }
    if (!(field.value() instanceof Boolean flag)) {
      throw wrongType(name, field, "true or false");
    }
    return flag;
  }

  /** The list's items as strings; null when absent. An empty list is an error. */
  @Nullable List<String> optionalStringList(String name) {
    List<YamlNode> items = optionalList(name);
    if (items == null) {
      return null;
    }
    List<String> texts = new ArrayList<>();
    for (YamlNode item : items) {
      if (!(item.value() instanceof String text) || text.isBlank()) {
        throw error(item.line(), "'" + name + "' in " + what + " must list strings");
      }
      texts.add(printable(item, name, text).strip());
    }
    return texts;
  }

  /** The list's items; null when absent. An empty list is an error. */
  @Nullable List<YamlNode> optionalList(String name) {
    YamlNode field = node.mapping().get(name);
    if (field == null) {
      return null;
    }
    if (!field.isList()) {
      throw wrongType(name, field, "a list, as in [a, b]");
    }
    if (field.list().isEmpty()) {
      throw error(field.line(), "'" + name + "' in " + what + " must not be an empty list");
    }
    return field.list();
  }

  /** The field's value parsed by {@code parser}; a missing or unknown value is an error. */
  <T> T requiredChoice(String name, Function<String, Optional<T>> parser, String expected) {
    String text = requiredString(name);
    return parser.apply(text).orElseThrow(() -> unknown(line(name), name, text, expected));
  }

  /** The listed values parsed by {@code parser}; empty when absent, unknown values an error. */
  <E extends Enum<E>> Set<E> optionalChoices(
      String name,
      String singular,
      Class<E> type,
      Function<String, Optional<E>> parser,
      String expected) {
    Set<E> values = EnumSet.noneOf(type);
    List<YamlNode> items = optionalList(name);
    for (YamlNode item : items == null ? List.<YamlNode>of() : items) {
      if (!(item.value() instanceof String text)) {
        throw error(item.line(), "'" + name + "' in " + what + " must list names");
      }
      values.add(
          parser.apply(text).orElseThrow(() -> unknown(item.line(), singular, text, expected)));
    }
    return values;
  }

  InputException error(int line, String reason) {
    return new InputException(source, line, reason);
  }

  /** Catalog text is shown in reports and on terminals, so control characters are refused. */
  private String printable(YamlNode field, String name, String text) {
    if (!Display.printable(text)) {
      throw error(
          field.line(),
          "'" + name + "' in " + what + " holds a control character: " + Display.quoted(text));
    }
    return text;
  }

  private InputException unknown(int line, String kind, String text, String expected) {
    return error(
        line,
        "unknown "
            + kind
            + " "
            + Display.quoted(text)
            + " in "
            + what
            + " (expected "
            + expected
            + ")");
  }

  private InputException wrongType(String name, YamlNode field, String expected) {
    return error(
        field.line(),
        "'" + name + "' in " + what + " must be " + expected + ", not " + field.kind());
  }
}

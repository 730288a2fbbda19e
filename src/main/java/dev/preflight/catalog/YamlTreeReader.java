package dev.preflight.catalog;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.preflight.common.Display;
import dev.preflight.common.InputException;
import dev.preflight.common.InputKind;
import dev.preflight.common.IoErrors;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads one YAML document with Jackson's streaming parser into {@link YamlNode}s that remember the
 * line each value starts on. Malformed YAML, duplicate keys and trailing documents become an {@link
 * InputException} naming the source and line; nothing else escapes.
 */
final class YamlTreeReader {
  /** Catalogs nest four levels deep; anything far deeper is hostile or broken. */
  static final int MAX_DEPTH = 64;

  private static final YAMLFactory FACTORY =
      YAMLFactory.builder()
          .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
          .loaderOptions(loaderOptions())
          .build();

  /**
   * SnakeYAML stops at 3 M code points by default, below the documented file limit; the bounded
   * reader has already enforced that limit in bytes, and a code point is at least one byte.
   */
  private static LoaderOptions loaderOptions() {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(Math.toIntExact(InputKind.CATALOG.maxBytes()));
    return options;
  }

  private final JsonParser parser;
  private final String source;

  private YamlTreeReader(JsonParser parser, String source) {
    this.parser = parser;
    this.source = source;
  }

  /** Parses the single document in {@code text}; {@code source} names it in messages. */
  static YamlNode read(String text, String source) {
    try (JsonParser parser = FACTORY.createParser(text)) {
      YamlTreeReader tree = new YamlTreeReader(parser, source);
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw new InputException(source, 1, "the file is empty (expected a catalog mapping)");
      }
      YamlNode root = tree.value(first);
      if (parser.nextToken() != null) {
        throw new InputException(source, tree.line(), "more than one YAML document in the file");
      }
      return root;
    } catch (StreamReadException e) {
      throw malformed(source, e);
    } catch (StreamConstraintsException e) {
      String reason =
          e.getMessage() != null && e.getMessage().contains("nesting")
              ? "nested too deeply for a catalog (over " + MAX_DEPTH + " levels)"
              : "a value is too long for a catalog";
      throw new InputException(source, 0, reason, e);
    } catch (IOException e) {
      throw new InputException(source, 0, "cannot read: " + IoErrors.reason(e), e);
    }
  }

  private YamlNode value(JsonToken token) throws IOException {
    int line = line();
    if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
      // Jackson hands an alias over as its bare name; say so rather than misread it as text.
      throw new InputException(
          source,
          line,
          "YAML aliases (*"
              + Display.line(parser.getText(), 60)
              + ") are not supported; write the value out");
    }
    return switch (token) {
      case START_OBJECT -> new YamlNode(mapping(), line);
      case START_ARRAY -> new YamlNode(list(), line);
      case VALUE_STRING -> new YamlNode(parser.getText(), line);
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> new YamlNode(parser.getNumberValue(), line);
      case VALUE_TRUE -> new YamlNode(Boolean.TRUE, line);
      case VALUE_FALSE -> new YamlNode(Boolean.FALSE, line);
      case VALUE_NULL -> new YamlNode(null, line);
      default -> throw new InputException(source, line, "unexpected YAML content " + token);
    };
  }

  private Map<String, YamlNode> mapping() throws IOException {
    Map<String, YamlNode> fields = new LinkedHashMap<>();
    for (JsonToken token = next(); token != JsonToken.END_OBJECT; token = next()) {
      String key = parser.currentName();
      int keyLine = line();
      if (fields.containsKey(key)) {
        throw new InputException(
            source,
            keyLine,
            "duplicate key "
                + Display.quoted(key)
                + " (first on line "
                + fields.get(key).line()
                + ")");
      }
      YamlNode value = value(next());
      // A mapping or list value starts on the key's line as far as a reader is concerned.
      fields.put(key, new YamlNode(value.value(), Math.min(keyLine, value.line())));
    }
    return Collections.unmodifiableMap(fields);
  }

  private List<YamlNode> list() throws IOException {
    List<YamlNode> items = new ArrayList<>();
    for (JsonToken token = next(); token != JsonToken.END_ARRAY; token = next()) {
      items.add(value(token));
    }
    return Collections.unmodifiableList(items);
  }

  private JsonToken next() throws IOException {
    JsonToken token = parser.nextToken();
    if (token == null) {
      throw new InputException(source, line(), "malformed YAML: the file ends inside a value");
    }
    return token;
  }

  private int line() {
    return Math.max(1, parser.currentTokenLocation().getLineNr());
  }

  private static InputException malformed(String source, StreamReadException e) {
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof MarkedYAMLException yaml && yaml.getProblemMark() != null) {
        // SnakeYAML's own problem and mark say what is wrong and where, without the echo.
        String context =
            yaml.getContext() == null ? "" : " (" + Display.line(yaml.getContext(), 120) + ")";
        return new InputException(
            source,
            yaml.getProblemMark().getLine() + 1,
            "malformed YAML: " + Display.line(yaml.getProblem(), 200) + context,
            e);
      }
    }
    JsonLocation where = e.getLocation();
    int line = where == null ? 0 : Math.max(0, where.getLineNr());
    String reason = e.getOriginalMessage();
    int newline = reason.indexOf('\n');
    String firstLine = newline < 0 ? reason : reason.substring(0, newline);
    return new InputException(
        source, line, "malformed YAML: " + Display.line(firstLine.strip(), 200), e);
  }
}

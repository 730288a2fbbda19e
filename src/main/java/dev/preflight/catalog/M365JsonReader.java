package dev.preflight.catalog;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import dev.preflight.common.Display;
import dev.preflight.common.InputException;
import dev.preflight.common.IoErrors;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads the web service's JSON with Jackson's streaming parser and hands each endpoint set to a
 * consumer as soon as it is complete, so memory grows with the result, not with the file. The
 * document must be one array of objects; each known field must have its documented type; unknown
 * fields are skipped (the service adds fields over time). Any problem becomes an {@link
 * InputException} with the file and line.
 */
final class M365JsonReader {
  private static final int MAX_STRING = 1 << 20;
  private static final int MAX_SHOWN = 4096;

  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .streamReadConstraints(
              StreamReadConstraints.builder()
                  .maxNestingDepth(8)
                  .maxStringLength(MAX_STRING)
                  .maxNumberLength(20)
                  .build())
          .build();

  /** Host names and wildcard patterns as the service writes them, after lower-casing. */
  private static final Pattern LABEL = Pattern.compile("[a-z0-9_*]([a-z0-9_*-]{0,61}[a-z0-9_*])?");

  private static final List<String> CATEGORIES = List.of("optimize", "allow", "default");

  private final JsonParser parser;
  private final String source;

  private M365JsonReader(JsonParser parser, String source) {
    this.parser = parser;
    this.source = source;
  }

  /** Reads every set from {@code in} (closed on return); {@code source} names it in messages. */
  static void read(InputStream in, String source, Consumer<M365EndpointSet> sets) {
    try (JsonParser parser = FACTORY.createParser(in)) {
      new M365JsonReader(parser, source).readDocument(sets);
    } catch (StreamReadException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new InputException(
          source, line, "malformed JSON: " + Display.line(e.getOriginalMessage(), 200), e);
    } catch (StreamConstraintsException e) {
      // Nesting, string or number beyond the limits above: a hostile or broken file.
      throw new InputException(source, 0, "not an endpoint list: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new InputException(source, 0, "cannot read: " + IoErrors.reason(e), e);
    }
  }

  private void readDocument(Consumer<M365EndpointSet> sets) throws IOException {
    JsonToken token = parser.nextToken();
    if (token == null) {
      throw error("the file is empty (expected a JSON array of endpoint sets)");
    }
    if (token != JsonToken.START_ARRAY) {
      throw error("expected a JSON array of endpoint sets, found " + describe(token));
    }
    while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
      if (token != JsonToken.START_OBJECT) {
        throw error("each endpoint set must be a JSON object, found " + describe(token));
      }
      sets.accept(readSet());
    }
    if (parser.nextToken() != null) {
      throw error("unexpected content after the array of endpoint sets");
    }
  }

  private M365EndpointSet readSet() throws IOException {
    int line = line();
    M365SetBuilder set = new M365SetBuilder(line);
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      JsonToken value = parser.nextToken();
      if (value == JsonToken.VALUE_NULL) {
        continue;
      }
      switch (field) {
        case "id" -> set.id = id(value);
        case "serviceArea" -> set.serviceArea = string(field, value);
        case "serviceAreaDisplayName" -> set.displayName = string(field, value);
        case "urls" -> set.urls = urls(value);
        case "ips" -> set.ipCount = ips(value);
        case "tcpPorts" -> set.tcpPorts = ports(field, value);
        case "udpPorts" -> set.udpPorts = ports(field, value);
        case "expressRoute" -> set.expressRoute = flag(field, value);
        case "category" -> set.category = category(value);
        case "required" -> set.required = flag(field, value);
        case "notes" -> set.notes = string(field, value);
        default -> parser.skipChildren();
      }
    }
    return set.build();
  }

  private Integer id(JsonToken value) throws IOException {
    if (value != JsonToken.VALUE_NUMBER_INT
        || parser.getNumberType() != JsonParser.NumberType.INT
        || parser.getIntValue() < 0) {
      throw error("'id' must be a whole number, found " + describe(value));
    }
    return parser.getIntValue();
  }

  private String string(String field, JsonToken value) throws IOException {
    if (value != JsonToken.VALUE_STRING) {
      throw error("'" + field + "' must be a string, found " + describe(value));
    }
    // Free text (notes, service areas) ends up in a catalog and on terminals: shown, not obeyed,
    // and short enough for one catalog line.
    return Display.line(parser.getText().strip(), MAX_SHOWN);
  }

  private boolean flag(String field, JsonToken value) {
    if (value != JsonToken.VALUE_TRUE && value != JsonToken.VALUE_FALSE) {
      throw error("'" + field + "' must be true or false, found " + describe(value));
    }
    return value == JsonToken.VALUE_TRUE;
  }

  private String category(JsonToken value) throws IOException {
    String category = string("category", value);
    if (!CATEGORIES.contains(category.toLowerCase(Locale.ROOT))) {
      throw error(
          "unknown category "
              + Display.quoted(category)
              + " (expected Optimize, Allow or Default)");
    }
    return category;
  }

  private List<M365PortRange> ports(String field, JsonToken value) throws IOException {
    String text = string(field, value);
    if (text.isEmpty()) {
      return List.of();
    }
    try {
      return M365PortRange.parseList(text);
    } catch (IllegalArgumentException e) {
      throw error("'" + field + "': " + e.getMessage());
    }
  }

  private List<String> urls(JsonToken value) throws IOException {
    List<String> urls = new ArrayList<>();
    for (String text : strings("urls", value)) {
      String url = text.toLowerCase(Locale.ROOT);
      if (!isPattern(url)) {
        throw error(
            "'urls' holds "
                + Display.quoted(text)
                + ", which is not a host name or wildcard pattern");
      }
      urls.add(url);
    }
    return urls;
  }

  private static boolean isPattern(String url) {
    if (url.isEmpty() || url.length() > 253) {
      return false;
    }
    for (String label : url.split("\\.", -1)) {
      if (!LABEL.matcher(label).matches()) {
        return false;
      }
    }
    return true;
  }

  private int ips(JsonToken value) throws IOException {
    List<String> ips = strings("ips", value);
    for (String ip : ips) {
      if (!M365Cidr.isValid(ip)) {
        throw error(
            "'ips' holds " + Display.quoted(ip) + ", which is not an IPv4 or IPv6 CIDR block");
      }
    }
    return ips.size();
  }

  private List<String> strings(String field, JsonToken value) throws IOException {
    if (value != JsonToken.START_ARRAY) {
      throw error("'" + field + "' must be an array of strings, found " + describe(value));
    }
    List<String> items = new ArrayList<>();
    JsonToken item;
    while ((item = parser.nextToken()) != JsonToken.END_ARRAY) {
      if (item != JsonToken.VALUE_STRING) {
        throw error("'" + field + "' must be an array of strings, found " + describe(item));
      }
      items.add(parser.getText().strip());
    }
    return items;
  }

  private int line() {
    return parser.currentTokenLocation().getLineNr();
  }

  private InputException error(String reason) {
    return new InputException(source, line(), reason);
  }

  private static String describe(@Nullable JsonToken token) {
    if (token == null) {
      return "the end of the file";
    }
    return switch (token) {
      case START_OBJECT -> "an object";
      case START_ARRAY -> "an array";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "null";
      default -> token.asString() == null ? token.name() : "'" + token.asString() + "'";
    };
  }
}

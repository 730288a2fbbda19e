package dev.preflight.run.proxy;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The values {@code reg query} prints: a line naming each key ({@code HKEY_CURRENT_USER\...}), then
 * one line per value, indented by four spaces, with name, type and data separated by four spaces
 * ({@code ProxyEnable REG_DWORD 0x1}). {@code REG_BINARY} data is hex, {@code REG_DWORD} is {@code
 * 0x}-prefixed hex. Lines of any other shape (errors, "End of search") are ignored, so a missing
 * key or value reads as no values.
 */
public final class RegQuery {
  private static final Pattern VALUE =
      Pattern.compile("^ {4}(\\S.*?) {4}(REG_[A-Z_]+)(?: {4}(.*))?$");

  /**
   * One value.
   *
   * @param key the key it was listed under
   * @param name its name ({@code (Default)} for the default value)
   * @param type {@code REG_SZ}, {@code REG_DWORD}, {@code REG_BINARY}, ...
   * @param data its data as printed, without trailing white space
   */
  public record Value(String key, String name, String type, String data) {
    /** A {@code REG_DWORD}'s number, or empty when the data is not {@code 0x}-prefixed hex. */
    public Optional<Long> number() {
      if (!data.startsWith("0x") || !data.substring(2).matches("[0-9a-fA-F]{1,8}")) {
        return Optional.empty();
      }
      return Optional.of(Long.parseLong(data.substring(2), 16));
    }

    /** A {@code REG_BINARY}'s bytes, or empty when the data is not hex. */
    public Optional<byte[]> bytes() {
      try {
        return Optional.of(HexFormat.of().parseHex(data));
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
    }
  }

  private RegQuery() {}

  /** Every value in {@code text}, in order. */
  public static List<Value> parse(String text) {
    List<Value> values = new ArrayList<>();
    String key = "";
    for (String line : text.split("\\R")) {
      Matcher value = VALUE.matcher(line.stripTrailing());
      if (line.startsWith("HKEY_")) {
        key = line.strip();
      } else if (value.matches()) {
        String data = value.group(3) == null ? "" : value.group(3).strip();
        values.add(new Value(key, value.group(1), value.group(2), data));
      }
    }
    return values;
  }

  /** The first value named {@code name} (case-insensitive, as registry names are). */
  public static Optional<Value> find(List<Value> values, String name) {
    return values.stream().filter(v -> v.name().equalsIgnoreCase(name)).findFirst();
  }
}

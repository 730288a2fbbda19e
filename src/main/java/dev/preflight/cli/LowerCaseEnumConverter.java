package dev.preflight.cli;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads an option value as one of an enum's lower-case spellings ({@code toString}), in any case,
 * and names every accepted value when it is none of them. Picocli adds the option's name.
 */
final class LowerCaseEnumConverter<E extends Enum<E>> implements ITypeConverter<E> {
  private final Class<E> type;

  LowerCaseEnumConverter(Class<E> type) {
    this.type = type;
  }

  @Override
  public E convert(String value) {
    String wanted = value.trim().toLowerCase(Locale.ROOT);
    for (E constant : type.getEnumConstants()) {
      if (constant.toString().equals(wanted)) {
        return constant;
      }
    }
    throw new TypeConversionException(
        "expected one of " + accepted(type) + " but was '" + value + "'");
  }

  /** {@code text, json, csv}: the accepted spellings, for messages. */
  static String accepted(Class<? extends Enum<?>> type) {
    return Arrays.stream(type.getEnumConstants())
        .map(Object::toString)
        .collect(Collectors.joining(", "));
  }
}

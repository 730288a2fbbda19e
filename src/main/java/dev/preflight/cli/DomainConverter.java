package dev.preflight.cli;

import java.util.Locale;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Parses an Active Directory DNS domain name ({@code corp.example}): letters, digits and hyphens in
 * labels of 1 to 63 characters, at most 253 in all; lower-cased, trailing dot dropped.
 */
public final class DomainConverter implements ITypeConverter<String> {
  private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

  @Override
  public String convert(String value) {
    String name = value.trim().toLowerCase(Locale.ROOT);
    if (name.endsWith(".")) {
      name = name.substring(0, name.length() - 1);
    }
    boolean valid = !name.isEmpty() && name.length() <= 253;
    for (String label : name.split("\\.", -1)) {
      valid &= LABEL.matcher(label).matches();
    }
    if (!valid) {
      throw new TypeConversionException(
          "'" + value + "' is not a DNS domain name (expected something like corp.example)");
    }
    return name;
  }
}

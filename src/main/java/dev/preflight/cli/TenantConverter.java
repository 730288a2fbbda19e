package dev.preflight.cli;

import dev.preflight.run.Tenant;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses {@code --tenant}: a verified domain of the Entra tenant, or a user principal name. */
final class TenantConverter implements ITypeConverter<Tenant> {
  @Override
  public Tenant convert(String value) {
    try {
      return Tenant.parse(value);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }
}

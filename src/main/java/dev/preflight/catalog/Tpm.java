package dev.preflight.catalog;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The device's TPM kind. Firmware TPMs from Intel, AMD and Qualcomm fetch their EK certificate from
 * the vendor on first use; discrete TPMs ship with it.
 */
public enum Tpm {
  DISCRETE("discrete"),
  INTEL("intel"),
  AMD("amd"),
  QUALCOMM("qualcomm");

  private final String id;

  Tpm(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  public static Optional<Tpm> parse(String text) {
    String wanted = text.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(t -> t.id.equals(wanted)).findFirst();
  }

  @Override
  public String toString() {
    return id;
  }
}

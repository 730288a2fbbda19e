package dev.preflight.export;

import dev.preflight.common.HostPort;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The formats {@code preflight export} writes. */
public enum ExportFormat {
  DOMAINS("domains"),
  PAC("pac"),
  SQUID("squid"),
  CSV("csv"),
  JSON("json");

  private final String id;

  ExportFormat(String id) {
    this.id = id;
  }

  /** The spelling used with {@code --format}. */
  public String id() {
    return id;
  }

  /** Parses {@code domains} and friends; case-insensitive. */
  public static Optional<ExportFormat> parse(String text) {
    String wanted = text.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(f -> f.id.equals(wanted)).findFirst();
  }

  /**
   * The renderer. {@code proxy} is used by {@link #PAC} only (null sends the rest DIRECT), {@code
   * style} by {@link #DOMAINS} only.
   */
  public AllowlistRenderer renderer(@Nullable HostPort proxy, WildcardStyle style) {
    return switch (this) {
      case DOMAINS -> new DomainsRenderer(style);
      case PAC -> new PacRenderer(proxy);
      case SQUID -> new SquidRenderer();
      case CSV -> new CsvRenderer();
      case JSON -> new JsonRenderer();
    };
  }

  @Override
  public String toString() {
    return id;
  }
}

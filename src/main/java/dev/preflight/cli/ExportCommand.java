package dev.preflight.cli;

import dev.preflight.catalog.Catalog;
import dev.preflight.catalog.CatalogLoader;
import dev.preflight.catalog.Endpoint;
import dev.preflight.common.HostPort;
import dev.preflight.common.InputException;
import dev.preflight.common.ProxyUrl;
import dev.preflight.export.Allowlist;
import dev.preflight.export.AllowlistBuilder;
import dev.preflight.export.ExcludedEntry;
import dev.preflight.export.ExportFormat;
import dev.preflight.export.WildcardStyle;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code preflight export}: writes the allowlist the chosen scenarios need as a domain list, PAC
 * file, squid fragment, CSV or JSON, to stdout or {@code --output}. A summary goes to stderr. Exit
 * code 0, or 3 for bad options or a bad catalog file.
 */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Writes the allowlist a network team must open for the chosen scenarios.",
      "As a domain list, a PAC file, a squid fragment, CSV or JSON."
    })
public final class ExportCommand extends CommandBase {
  @Mixin SelectionOptions selection = new SelectionOptions();

  @Mixin ExportFormatOptions output = new ExportFormatOptions();

  @Option(
      names = "--proxy",
      paramLabel = "URL",
      converter = ProxyConverter.class,
      description =
          "(pac) where everything not on the list goes: http://host:port. Default DIRECT.")
  @Nullable HostPort proxy;

  @Option(
      names = "--wildcard-style",
      paramLabel = "STYLE",
      description = {
        "(domains) how a wildcard is written:",
        "  star (default): *.example.com, for Palo Alto Networks External Dynamic Lists and most"
            + " firewalls;",
        "  dot: .example.com (the name and all below), for pfBlockerNG DNSBL whitelists and"
            + " Squid;",
        "  zone: example.com, for DNS filters that read a bare domain as its whole zone, after"
            + " a # line saying so."
      })
  @Nullable WildcardStyle wildcardStyle;

  @Override
  public Integer call() {
    if (proxy != null && output.format != ExportFormat.PAC) {
      throw new CommandLine.ParameterException(
          spec().commandLine(), "--proxy applies only to --format pac");
    }
    if (wildcardStyle != null && output.format != ExportFormat.DOMAINS) {
      throw new CommandLine.ParameterException(
          spec().commandLine(), "--wildcard-style applies only to --format domains");
    }
    output.check(selection.inputs());
    Catalog catalog = CatalogLoader.load(selection.catalogFiles);
    List<Endpoint> selected = catalog.select(selection.scenarioSet(), selection.tpm);
    Allowlist allowlist = AllowlistBuilder.build(selected, selection.scenarioList(), selection.tpm);
    StringWriter text = new StringWriter();
    try {
      WildcardStyle style = wildcardStyle == null ? WildcardStyle.STAR : wildcardStyle;
      output.format.renderer(proxy, style).render(allowlist, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    output.write(out(), writer -> writer.write(text.toString()));
    summarize(allowlist, selected.size());
    return ExitCodes.READY;
  }

  private void summarize(Allowlist allowlist, int selected) {
    var err = err();
    err.println(
        "preflight: "
            + allowlist.entries().size()
            + " allowlist lines from "
            + selected
            + " catalog entries ("
            + allowlist.selectionLabel()
            + ")");
    if (!allowlist.excluded().isEmpty()) {
      List<String> ids = allowlist.excluded().stream().map(ExcludedEntry::id).toList();
      err.println(
          "preflight: left out, not internet destinations: "
              + String.join(", ", ids)
              + " (--format json says why)");
    }
    err.flush();
  }

  /**
   * The same proxy parser as {@code check --proxy}: {@code http://host:port} or {@code host:port}.
   */
  static final class ProxyConverter implements ITypeConverter<HostPort> {
    @Override
    public HostPort convert(String value) {
      try {
        return ProxyUrl.parse("--proxy", value);
      } catch (InputException e) {
        throw new TypeConversionException(e.reason());
      }
    }
  }
}

package dev.preflight.cli;

import dev.preflight.catalog.CatalogYamlWriter;
import dev.preflight.catalog.M365Import;
import dev.preflight.catalog.M365Importer;
import dev.preflight.common.InputException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code preflight catalog import-m365 FILE}: turns the Microsoft 365 endpoint web service's JSON
 * into a catalog file for {@code --catalog}. Writes the catalog to stdout or {@code --output}, and
 * one line per thing left out to stderr. Exit code 0, or 3 for bad input.
 */
@Command(
    name = "import-m365",
    mixinStandardHelpOptions = true,
    description = {
      "Converts the Microsoft 365 IP address and URL web service JSON"
          + " (https://endpoints.office.com/endpoints/worldwide) into a catalog file for --catalog.",
      "Required sets become BLOCKING entries, optional sets DEGRADED; categories Optimize and Allow"
          + " mark TLS inspection as unsupported."
    })
public final class CatalogImportM365Command extends CommandBase {
  @Parameters(
      index = "0",
      paramLabel = "FILE",
      description = "The web service's JSON (Format=JSON).")
  Path file;

  @Option(
      names = "--service-areas",
      split = ",",
      paramLabel = "AREA",
      description = "Import only these service areas (Common, Exchange, SharePoint, Skype, MEM).")
  List<String> serviceAreas = new ArrayList<>();

  @Option(names = "--required-only", description = "Import only sets marked required.")
  boolean requiredOnly;

  @Mixin OutputOptions output = new OutputOptions();

  @Override
  public Integer call() {
    output.check(List.of(new Output.Input("FILE", file)));
    M365Import result = M365Importer.importFile(file, options());
    PrintWriter err = err();
    for (String warning : result.warnings()) {
      err.println(ExitCodes.shown(file + ": " + warning));
    }
    if (result.endpoints().isEmpty()) {
      throw new InputException(
          file.toString(),
          result.setsUsed() == 0
              ? "nothing to import: no endpoint set passes the filters"
              : "nothing to import: none of the "
                  + result.setsUsed()
                  + " sets that pass the filters lists a name with a usable port");
    }
    String catalog = render(result);
    output.write(out(), writer -> writer.write(catalog));
    err.println(
        "preflight: imported "
            + result.endpoints().size()
            + " entries from "
            + result.setsUsed()
            + " of "
            + result.setsRead()
            + " endpoint sets"
            + (output.toStdout() ? "" : " into " + output.destination()));
    err.flush();
    return ExitCodes.READY;
  }

  private M365Importer.Options options() {
    LinkedHashSet<String> areas = new LinkedHashSet<>();
    for (String area : serviceAreas) {
      if (area.isBlank()) {
        throw new InputException("--service-areas", "empty service area in the list");
      }
      areas.add(area);
    }
    return new M365Importer.Options(areas, requiredOnly);
  }

  private String render(M365Import result) {
    List<String> header =
        List.of(
            "Catalog entries imported by preflight catalog import-m365 from "
                + file.getFileName()
                + ".",
            "Service areas: "
                + (serviceAreas.isEmpty() ? "all" : String.join(", ", serviceAreas))
                + (requiredOnly ? "; required sets only." : "; required and optional sets."),
            "Use it with: preflight check --catalog FILE");
    StringWriter out = new StringWriter();
    try {
      CatalogYamlWriter.write(header, result.services(), result.endpoints(), out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}

package dev.preflight.cli;

import dev.preflight.catalog.Catalog;
import dev.preflight.catalog.CatalogLoader;
import dev.preflight.catalog.Endpoint;
import dev.preflight.common.InputException;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code preflight catalog show ID}: every field of one catalog entry. */
@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    description = "Shows every field of one catalog entry.")
final class CatalogShowCommand extends CommandBase {
  @Parameters(index = "0", paramLabel = "ID", description = "The entry's id (see catalog list).")
  String id = "";

  @Mixin SelectionOptions selection = new SelectionOptions();

  @Mixin CatalogFormatOptions output = new CatalogFormatOptions();

  @Override
  public Integer call() {
    output.check(selection.inputs());
    Catalog catalog = CatalogLoader.load(selection.catalogFiles);
    Endpoint entry =
        catalog
            .endpoint(id)
            .orElseThrow(() -> new InputException("catalog show", unknown(catalog)));
    CatalogView view =
        new CatalogView(catalog, selection.scenarioList(), selection.tpm, List.of(entry));
    output.write(
        out(),
        writer -> {
          switch (output.format) {
            case TEXT -> CatalogText.show(view, entry, writer);
            case JSON -> CatalogJson.show(view, entry, writer);
            case CSV -> CatalogCsv.write(List.of(entry), writer);
          }
        });
    return ExitCodes.READY;
  }

  private String unknown(Catalog catalog) {
    List<String> near =
        catalog.endpoints().stream()
            .map(Endpoint::id)
            .filter(other -> other.contains(id) || id.contains(other))
            .limit(5)
            .toList();
    String hint =
        near.isEmpty() ? "see 'preflight catalog list'" : "did you mean " + String.join(", ", near);
    return "no catalog entry with id '" + id + "' (" + hint + ")";
  }
}

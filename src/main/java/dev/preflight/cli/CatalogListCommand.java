package dev.preflight.cli;

import dev.preflight.catalog.Catalog;
import dev.preflight.catalog.CatalogLoader;
import dev.preflight.catalog.Endpoint;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code preflight catalog list}: the entries the chosen scenarios and TPM kind need. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = "Lists the catalog entries the chosen scenarios and TPM kind need.")
final class CatalogListCommand extends CommandBase {
  @Mixin SelectionOptions selection = new SelectionOptions();

  @Mixin CatalogFormatOptions output = new CatalogFormatOptions();

  @Override
  public Integer call() {
    output.check(selection.inputs());
    Catalog catalog = CatalogLoader.load(selection.catalogFiles);
    List<Endpoint> selected = catalog.select(selection.scenarioSet(), selection.tpm);
    CatalogView view = new CatalogView(catalog, selection.scenarioList(), selection.tpm, selected);
    output.write(
        out(),
        writer -> {
          switch (output.format) {
            case TEXT -> CatalogText.list(view, writer);
            case JSON -> CatalogJson.list(view, writer);
            case CSV -> CatalogCsv.write(view.endpoints(), writer);
          }
        });
    return ExitCodes.READY;
  }
}

package dev.preflight.cli;

import dev.preflight.catalog.Catalog;
import dev.preflight.catalog.CatalogLoader;
import dev.preflight.catalog.Endpoint;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code preflight catalog list}: the entries the chosen scenarios and TPM kind need. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = "List the catalog entries the chosen scenarios and TPM kind need.")
final class CatalogListCommand implements Callable<Integer> {
  @Mixin SelectionOptions selection;

  @Option(names = "--format", paramLabel = "FORMAT", description = "text (default), json or csv.")
  CatalogFormat format = CatalogFormat.TEXT;

  @Option(names = "--output", paramLabel = "FILE", description = "Write there, not to stdout.")
  @Nullable Path output;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    Output.check(output, selection.inputs());
    Catalog catalog = CatalogLoader.load(selection.catalogFiles);
    List<Endpoint> selected = catalog.select(selection.scenarioSet(), selection.tpm);
    CatalogView view = new CatalogView(catalog, selection.scenarioList(), selection.tpm, selected);
    Output.write(
        spec.commandLine().getOut(),
        output,
        writer -> {
          switch (format) {
            case TEXT -> CatalogText.list(view, writer);
            case JSON -> CatalogJson.list(view, writer);
            case CSV -> CatalogCsv.write(view.endpoints(), writer);
          }
        });
    return ExitCodes.READY;
  }
}

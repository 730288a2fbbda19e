package dev.preflight.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code preflight catalog}: the endpoint catalog's subcommands; does nothing on its own. */
@Command(
    name = "catalog",
    mixinStandardHelpOptions = true,
    description = "Lists or shows the endpoint catalog Windows Autopilot needs.",
    subcommands = {
      CatalogListCommand.class,
      CatalogShowCommand.class,
      CatalogImportM365Command.class
    })
final class CatalogCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "Missing a catalog command: list, show or import-m365.");
  }
}

package dev.preflight.run;

import dev.preflight.catalog.Catalog;
import dev.preflight.probe.net.LocalMachine;
import dev.preflight.verdict.Environment;

/** The part of a report's environment every run shares: the machine and the catalog's date. */
final class RunEnvironment {
  private RunEnvironment() {}

  /** A builder holding {@code machine}'s facts and the newest source date of {@code catalog}. */
  static Environment.Builder of(LocalMachine machine, Catalog catalog) {
    return Environment.builder()
        .machine(machine.name())
        .addresses(machine.addresses())
        .defaultInterface(machine.defaultInterface())
        .catalogDate(
            catalog.endpoints().stream()
                .map(e -> e.source().date())
                .max(String::compareTo)
                .orElse(null));
  }
}

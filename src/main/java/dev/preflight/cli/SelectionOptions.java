package dev.preflight.cli;

import dev.preflight.catalog.Scenario;
import dev.preflight.catalog.Tpm;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** Which part of the catalog a command works on: scenarios, TPM kind and extra catalog files. */
final class SelectionOptions {
  @Option(
      names = "--scenario",
      split = ",",
      paramLabel = "SCENARIO",
      converter = ScenarioConverter.class,
      completionCandidates = ScenarioIds.class,
      description =
          "user-driven (default), self-deploying, pre-provisioning, hybrid-join; repeatable or"
              + " comma-separated.")
  List<Scenario> scenarios = new ArrayList<>();

  @Option(
      names = "--tpm",
      paramLabel = "KIND",
      converter = TpmConverter.class,
      completionCandidates = TpmIds.class,
      description = "discrete (default), intel, amd, qualcomm.")
  Tpm tpm = Tpm.DISCRETE;

  @Option(
      names = "--catalog",
      paramLabel = "FILE",
      description = "Add or override catalog entries from this YAML file; repeatable.")
  List<Path> catalogFiles = new ArrayList<>();

  /** The catalog files given, as inputs {@code --output} must not overwrite. */
  List<Output.Input> inputs() {
    return Output.Input.all("--catalog", catalogFiles);
  }

  /** The chosen scenarios, in the order given, defaulting to user-driven. */
  List<Scenario> scenarioList() {
    return scenarios.isEmpty() ? List.of(Scenario.USER_DRIVEN) : List.copyOf(scenarios);
  }

  Set<Scenario> scenarioSet() {
    return new LinkedHashSet<>(scenarioList());
  }

  /** The scenarios as completion offers them. */
  static final class ScenarioIds implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return Arrays.stream(Scenario.values()).map(Scenario::id).iterator();
    }
  }

  /** The TPM kinds as completion offers them. */
  static final class TpmIds implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return Arrays.stream(Tpm.values()).map(Tpm::id).iterator();
    }
  }

  static final class ScenarioConverter implements ITypeConverter<Scenario> {
    @Override
    public Scenario convert(String value) {
      return Scenario.parse(value)
          .orElseThrow(
              () ->
                  new TypeConversionException(
                      "unknown scenario '"
                          + value
                          + "' (expected user-driven, self-deploying, pre-provisioning or"
                          + " hybrid-join)"));
    }
  }

  static final class TpmConverter implements ITypeConverter<Tpm> {
    @Override
    public Tpm convert(String value) {
      return Tpm.parse(value)
          .orElseThrow(
              () ->
                  new TypeConversionException(
                      "unknown TPM kind '"
                          + value
                          + "' (expected discrete, intel, amd or qualcomm)"));
    }
  }
}

package dev.preflight.cli;

import picocli.CommandLine.IVersionProvider;

/** The tool version, read from the jar manifest; "dev" when run from classes. */
public final class Version implements IVersionProvider {
  /** The version string reports carry in {@code tool.version}. */
  public static String current() {
    String version = Version.class.getPackage().getImplementationVersion();
    return version == null ? "dev" : version;
  }

  @Override
  public String[] getVersion() {
    return new String[] {"preflight " + current()};
  }
}

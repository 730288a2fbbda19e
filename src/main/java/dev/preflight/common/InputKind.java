package dev.preflight.common;

import java.time.Duration;
import java.util.Objects;

/**
 * The limits for one kind of input file, stated in every message that enforces them ("the allowlist
 * is larger than 64 MiB"). {@link InputFiles} reads every input file under one of these.
 *
 * @param label how messages name the kind, with its article: "the allowlist"
 * @param maxBytes the largest file accepted
 * @param maxLineChars the longest line accepted, in characters; lines are never echoed whole
 * @param deadline how long reading may take before the file is called unreadable
 * @param special whether devices and FIFOs are accepted (regular files always are)
 */
public record InputKind(
    String label, long maxBytes, int maxLineChars, Duration deadline, boolean special) {
  private static final long MIB = 1024L * 1024;
  private static final Duration READ_DEADLINE = Duration.ofSeconds(10);

  public static final InputKind CATALOG = of("the catalog file", 16 * MIB, 1024 * 1024);
  public static final InputKind PAC = of("the PAC script", MIB, 1024 * 1024);
  public static final InputKind ALLOWLIST = of("the allowlist", 64 * MIB, 64 * 1024);
  public static final InputKind SQUID_CONFIG = of("the squid configuration", 16 * MIB, 64 * 1024);
  public static final InputKind SQUID_ACL = of("the squid acl file", 64 * MIB, 64 * 1024);
  public static final InputKind HOSTS = of("the hosts file", 16 * MIB, 64 * 1024);
  public static final InputKind CA_FILE = of("the CA file", 4 * MIB, 64 * 1024);
  public static final InputKind M365_JSON = of("the endpoint list", 32 * MIB, 32 * 1024 * 1024);
  public static final InputKind REPORT_JSON = of("the report", 64 * MIB, 64 * 1024 * 1024);
  public static final InputKind TOKEN = of("the token file", 4096, 4096);
  public static final InputKind RESOLVER_CONFIG = of("the resolver configuration", MIB, 64 * 1024);
  public static final InputKind TOOL_OUTPUT = of("the output of a system tool", MIB, 64 * 1024);

  public InputKind {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(deadline, "deadline");
    if (maxBytes < 1 || maxLineChars < 1 || !deadline.isPositive()) {
      throw new IllegalArgumentException("limits must be positive");
    }
  }

  private static InputKind of(String label, long maxBytes, int maxLineChars) {
    return new InputKind(label, maxBytes, maxLineChars, READ_DEADLINE, false);
  }

  /** This kind, also accepting devices and FIFOs (still bounded by size and deadline). */
  public InputKind allowingSpecialFiles() {
    return new InputKind(label, maxBytes, maxLineChars, deadline, true);
  }

  /** This kind with another read deadline. */
  public InputKind withDeadline(Duration newDeadline) {
    return new InputKind(label, maxBytes, maxLineChars, newDeadline, special);
  }

  /** The size limit in words: "64 MiB", "4 KiB", "100 bytes". */
  public String maxSize() {
    return size(maxBytes);
  }

  static String size(long bytes) {
    if (bytes >= MIB && bytes % MIB == 0) {
      return bytes / MIB + " MiB";
    }
    if (bytes >= 1024 && bytes % 1024 == 0) {
      return bytes / 1024 + " KiB";
    }
    return bytes + " bytes";
  }
}

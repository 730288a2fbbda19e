package dev.preflight.probe.net;

import dev.preflight.common.InputException;
import dev.preflight.common.InputFiles;
import dev.preflight.common.InputKind;
import dev.preflight.common.SystemTool;
import java.net.IDN;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The DNS suffixes of this machine's network, in the order the system tries them, and where they
 * were read: what a domain-joined Windows device gets from DHCP (option 15, RFC 2132 section 3.17)
 * or its configuration, and so the best guess at the Active Directory domain of the network (and
 * the domains WPAD discovery walks). Each source is parsed from its documented text form:
 *
 * <ul>
 *   <li>Linux and other Unix: {@code /etc/resolv.conf}, its {@code search} and {@code domain}
 *       lines; the last of them wins (resolv.conf(5));
 *   <li>Windows: {@code Get-DnsClient} / {@code Get-DnsClientGlobalSetting} (one suffix a line), or
 *       the "Connection-specific DNS Suffix" and "DNS Suffix Search List" lines of {@code ipconfig
 *       /all};
 *   <li>macOS: the {@code search domain[N]} lines of {@code scutil --dns}.
 * </ul>
 *
 * @param suffixes valid DNS names, lower case, without duplicates, at most {@link #MAX} of them
 * @param source where they were read, for the report ({@code DNS search suffix in
 *     /etc/resolv.conf})
 */
public record DnsSuffixes(List<String> suffixes, String source) {
  /** More suffixes than this are cut: nobody configures more, and each costs a lookup. */
  public static final int MAX = 8;

  private static final Pattern NAME =
      Pattern.compile(
          "(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*");
  private static final Pattern IPCONFIG =
      Pattern.compile(
          "^\\s*(Connection-specific DNS Suffix|DNS Suffix Search List)[ .]*:\\s*(\\S*)\\s*$");
  private static final Pattern CONTINUATION = Pattern.compile("^\\s{20,}(\\S+)\\s*$");
  private static final Pattern SCUTIL =
      Pattern.compile("^\\s*search domain\\[\\d+\\]\\s*:\\s*(\\S+)\\s*$");
  private static final Duration TOOL_DEADLINE = Duration.ofSeconds(5);
  private static final String POWERSHELL =
      "(Get-DnsClient).ConnectionSpecificSuffix; (Get-DnsClientGlobalSetting).SuffixSearchList";

  public DnsSuffixes {
    suffixes = List.copyOf(suffixes);
    Objects.requireNonNull(source, "source");
  }

  /** The suffixes of {@code resolv.conf} text: the last {@code search} or {@code domain} line. */
  public static DnsSuffixes fromResolvConf(String text, String file) {
    List<String> last = List.of();
    String keyword = "search";
    for (String line : text.split("\\R")) {
      String[] words = line.strip().split("\\s+");
      if (words[0].equals("search") || words[0].equals("domain")) {
        keyword = words[0];
        int end = keyword.equals("domain") ? Math.min(2, words.length) : words.length;
        last = List.of(words).subList(1, end);
      }
    }
    return of(
        last, "DNS " + (keyword.equals("domain") ? "domain" : "search suffix") + " in " + file);
  }

  /** The connection-specific suffixes, then the search list, of {@code ipconfig /all} output. */
  public static DnsSuffixes fromIpconfig(String text) {
    List<String> found = new ArrayList<>();
    boolean inList = false;
    for (String line : text.split("\\R")) {
      Matcher field = IPCONFIG.matcher(line);
      Matcher more = CONTINUATION.matcher(line);
      if (field.matches()) {
        inList = field.group(1).startsWith("DNS Suffix Search List");
        found.add(field.group(2));
      } else if (inList && more.matches()) {
        found.add(more.group(1));
      } else {
        inList = false;
      }
    }
    return of(found, "connection-specific DNS suffix (ipconfig /all)");
  }

  /** One suffix a line, as the PowerShell DNS client cmdlets print them. */
  public static DnsSuffixes fromPowerShell(String text) {
    return of(List.of(text.strip().split("\\R")), "connection-specific DNS suffix (Get-DnsClient)");
  }

  /** The {@code search domain[N]} lines of {@code scutil --dns}, in order. */
  public static DnsSuffixes fromScutil(String text) {
    List<String> found = new ArrayList<>();
    for (String line : text.split("\\R")) {
      Matcher m = SCUTIL.matcher(line);
      if (m.matches()) {
        found.add(m.group(1));
      }
    }
    return of(found, "DNS search domain (scutil --dns)");
  }

  /**
   * This machine's suffixes, read from the source its operating system uses; empty (with the reason
   * as source) when that source cannot be read. Bounded: a file read or a tool run takes at most a
   * few seconds.
   */
  public static DnsSuffixes system() {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    try {
      if (os.startsWith("windows")) {
        DnsSuffixes ps =
            fromPowerShell(
                run("powershell", "-NoProfile", "-NonInteractive", "-Command", POWERSHELL));
        return ps.suffixes().isEmpty() ? fromIpconfig(run("ipconfig", "/all")) : ps;
      }
      if (os.startsWith("mac")) {
        return fromScutil(run("scutil", "--dns"));
      }
      Path file = Path.of("/etc/resolv.conf");
      return Files.exists(file)
          ? fromResolvConf(InputFiles.readText(file, InputKind.RESOLVER_CONFIG), file.toString())
          : new DnsSuffixes(List.of(), "no /etc/resolv.conf");
    } catch (InputException e) {
      return new DnsSuffixes(List.of(), "the DNS suffixes could not be read: " + e.getMessage());
    }
  }

  private static DnsSuffixes of(List<String> names, String source) {
    Set<String> valid = new LinkedHashSet<>();
    for (String name : names) {
      String lower = ascii(name.strip()).toLowerCase(Locale.ROOT);
      lower = lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
      // "local" is multicast DNS, never an Active Directory domain (RFC 6762).
      if (NAME.matcher(lower).matches() && !lower.equals("local") && valid.size() < MAX) {
        valid.add(lower);
      }
    }
    return new DnsSuffixes(List.copyOf(valid), source);
  }

  /**
   * An internationalized suffix in its ASCII form ({@code bücher.example} becomes {@code
   * xn--bcher-kva.example}, RFC 5891), as DNS queries carry it; text that is no name stays as it is
   * and fails the name check.
   */
  private static String ascii(String name) {
    try {
      return IDN.toASCII(name, IDN.ALLOW_UNASSIGNED);
    } catch (IllegalArgumentException e) {
      return name;
    }
  }

  private static String run(String... command) {
    return SystemTool.run(TOOL_DEADLINE, List.of(command));
  }
}

package dev.preflight.policy.allowlist;

import dev.preflight.catalog.Endpoint;
import dev.preflight.common.InputFiles;
import dev.preflight.common.InputKind;
import dev.preflight.policy.Outcome;
import dev.preflight.policy.PolicyDecision;
import dev.preflight.policy.PolicyEvaluator;
import dev.preflight.policy.RuleRef;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Says which catalog endpoints an allowlist leaves out.
 *
 * <p>An entry {@code *.example.com} covers every name below example.com but not example.com itself;
 * {@code .example.com} covers example.com and every name below it (Squid's dstdomain reading,
 * common in proxy allowlists); a plain name covers only itself. An endpoint that stands in for a
 * wildcard ({@code *.manage.microsoft.com}) is ALLOWED only when an entry covers the whole
 * wildcard, PARTIAL when only its stand-in host is listed, and NOT_LISTED otherwise. Every endpoint
 * is governed: an allowlist applies to all protocols.
 */
public final class AllowlistEvaluator implements PolicyEvaluator {
  private final String file;
  private final Allowlist allowlist;
  private final List<String> warnings;

  private AllowlistEvaluator(String file, AllowlistParser.Result parsed) {
    this.file = file;
    this.allowlist = new Allowlist(parsed.entries());
    this.warnings =
        parsed.addressEntries() == 0
            ? List.of()
            : List.of(
                file
                    + ": "
                    + parsed.addressEntries()
                    + " address entries are not compared: catalog endpoints are host names and"
                    + " their addresses change.");
  }

  /**
   * Reads and indexes {@code file}, through the bounded reader.
   *
   * @throws dev.preflight.common.InputException naming the file and every rejected line
   */
  public static AllowlistEvaluator load(Path file) {
    return of(file.toString(), InputFiles.readText(file, InputKind.ALLOWLIST));
  }

  /**
   * Indexes allowlist {@code text} read from {@code source} (a file name, or standard input).
   *
   * @throws dev.preflight.common.InputException naming the source and every rejected line
   */
  public static AllowlistEvaluator of(String source, String text) {
    return new AllowlistEvaluator(source, AllowlistParser.parse(source, text));
  }

  @Override
  public List<PolicyDecision> evaluate(List<Endpoint> endpoints) {
    return endpoints.stream().map(this::decide).toList();
  }

  private PolicyDecision decide(Endpoint endpoint) {
    String host = endpoint.host().toLowerCase(Locale.ROOT);
    String wildcard = endpoint.wildcard();
    if (wildcard != null && wildcard.startsWith("*.")) {
      String zone = wildcard.substring(2).toLowerCase(Locale.ROOT);
      Optional<AllowlistEntry> whole = allowlist.coveringEveryNameBelow(zone);
      if (whole.isPresent()) {
        return decision(endpoint, Outcome.ALLOWED, covered(wildcard, whole.get()), whole.get());
      }
      Optional<AllowlistEntry> standIn = allowlist.coveringHost(host);
      if (standIn.isPresent()) {
        String reason =
            file
                + " covers "
                + host
                + " with "
                + standIn.get().where()
                + " but not the whole "
                + wildcard
                + " the service uses.";
        return decision(endpoint, Outcome.PARTIAL, reason, standIn.get());
      }
      return decision(endpoint, Outcome.NOT_LISTED, notListed(wildcard), null);
    }
    return allowlist
        .coveringHost(host)
        .map(entry -> decision(endpoint, Outcome.ALLOWED, covered(host, entry), entry))
        .orElseGet(() -> decision(endpoint, Outcome.NOT_LISTED, notListed(host), null));
  }

  private static String covered(String what, AllowlistEntry entry) {
    return what + " is covered by " + entry.where() + ".";
  }

  private String notListed(String what) {
    return file + " has no entry covering " + what + ".";
  }

  private static PolicyDecision decision(
      Endpoint endpoint, Outcome outcome, String reason, @Nullable AllowlistEntry entry) {
    RuleRef ref = entry == null ? null : entry.ref();
    return new PolicyDecision(endpoint, outcome, null, List.of(), reason, ref, false);
  }

  @Override
  public List<String> warnings() {
    return warnings;
  }
}

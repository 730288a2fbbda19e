package dev.preflight.policy.pac;

import dev.preflight.common.InputException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Answers the DNS questions a PAC script asks ({@code dnsResolve}, {@code isResolvable}, {@code
 * isInNet} with a name, and their Microsoft {@code Ex} variants).
 *
 * <p>The PAC package opens no sockets: the {@code system} mode takes a lookup function from the
 * caller, which backs it with the probe layer's bounded resolver. Implementations return address
 * literals ({@code 192.0.2.7}, {@code 2001:db8::7}); an empty list means "does not resolve".
 */
public interface PacResolver {

  /** The addresses {@code host} resolves to, IPv4 and IPv6 literals, or an empty list. */
  List<String> lookup(String host);

  /** How names are resolved, for reports: {@code offline}, {@code hosts:FILE}, {@code system}. */
  String mode();

  /**
   * Deterministic: every name is unresolvable, so the report can say which answers relied on it.
   */
  static PacResolver offline() {
    return new PacResolver() {
      @Override
      public List<String> lookup(String host) {
        return List.of();
      }

      @Override
      public String mode() {
        return "offline";
      }
    };
  }

  /** Answers from a hosts-format file ({@code ADDRESS NAME [ALIAS...]}, {@code #} comments). */
  static PacResolver hostsFile(Path file) {
    return HostsFileResolver.load(file);
  }

  /**
   * Answers with {@code lookup}, normally the probe layer's bounded system resolver. The function
   * must return within its own deadline; it may return an empty list for names that fail.
   */
  static PacResolver system(Function<String, List<String>> lookup) {
    Objects.requireNonNull(lookup, "lookup");
    return new PacResolver() {
      @Override
      public List<String> lookup(String host) {
        return List.copyOf(lookup.apply(host));
      }

      @Override
      public String mode() {
        return "system";
      }
    };
  }

  /**
   * Parses the {@code --resolve} option: {@code offline}, {@code hosts:FILE} or {@code system}.
   *
   * @param system the lookup used for {@code system} mode
   * @throws InputException naming {@code --resolve} when the mode is unknown or the file is bad
   */
  static PacResolver parse(String mode, Function<String, List<String>> system) {
    if (mode.equals("offline")) {
      return offline();
    }
    if (mode.equals("system")) {
      return system(system);
    }
    if (mode.startsWith("hosts:") && mode.length() > "hosts:".length()) {
      return hostsFile(Path.of(mode.substring("hosts:".length())));
    }
    throw new InputException(
        "--resolve", "expected offline, hosts:FILE or system, got '" + mode + "'");
  }
}

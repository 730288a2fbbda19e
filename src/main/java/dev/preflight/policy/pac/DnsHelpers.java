package dev.preflight.policy.pac;

import dev.preflight.common.IpAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The PAC helpers that need DNS or the client's address, classic and Microsoft IPv6 variants.
 *
 * <p>Address literals are answered without a lookup; every real lookup is recorded in the running
 * evaluation so its answer can be marked as DNS-dependent. Answers are cached for the life of the
 * engine, as browsers cache them, so repeated names cost one lookup and stay consistent.
 */
final class DnsHelpers {
  private static final Pattern LOOSE_IPV4 =
      Pattern.compile("(\\d{1,4})\\.(\\d{1,4})\\.(\\d{1,4})\\.(\\d{1,4})");

  private final PacResolver resolver;
  private final String clientIp;
  private final Map<String, List<IpAddress>> cache = new ConcurrentHashMap<>();

  DnsHelpers(PacResolver resolver, String clientIp) {
    this.resolver = resolver;
    this.clientIp = clientIp;
  }

  /** Every address of {@code host}: the literal itself, or the resolver's answer (v6 first). */
  List<IpAddress> addresses(String host) {
    Optional<IpAddress> literal = IpAddress.tryParse(host);
    if (literal.isPresent()) {
      return List.of(literal.get());
    }
    CallState state = SandboxContextFactory.current();
    if (state != null) {
      state.dnsStarted(host);
    }
    try {
      // Not computeIfAbsent: a lookup left running by an abandoned evaluation must not block
      // the next evaluation's lookup of the same name.
      List<IpAddress> known = cache.get(host);
      if (known == null) {
        known = lookup(host);
        cache.putIfAbsent(host, known);
      }
      return known;
    } finally {
      if (state != null) {
        state.dnsEnded();
      }
    }
  }

  private List<IpAddress> lookup(String host) {
    List<IpAddress> found = new ArrayList<>();
    List<String> answer;
    try {
      answer = resolver.lookup(host);
    } catch (RuntimeException e) {
      // A failing lookup is what the script would see as "does not resolve".
      answer = List.of();
    }
    for (String text : answer) {
      IpAddress.tryParse(text).ifPresent(found::add);
    }
    // Microsoft's Ex helpers list IPv6 before IPv4, as getaddrinfo orders them.
    found.sort(Comparator.comparing(IpAddress::family).reversed());
    return List.copyOf(found);
  }

  /** The first IPv4 address of {@code host}, or null (the classic helpers know only IPv4). */
  @Nullable String dnsResolve(String host) {
    return addresses(host).stream()
        .filter(a -> a.family() == IpAddress.Family.IPV4)
        .findFirst()
        .map(IpAddress::text)
        .orElse(null);
  }

  boolean isResolvable(String host) {
    return dnsResolve(host) != null;
  }

  /** Every address, semicolon-separated, or an empty string when the name does not resolve. */
  String dnsResolveEx(String host) {
    return String.join(";", addresses(host).stream().map(IpAddress::text).toList());
  }

  boolean isResolvableEx(String host) {
    return !addresses(host).isEmpty();
  }

  /**
   * The reference {@code isInNet}: a dotted-quad first argument is used as is (false when a part
   * exceeds 255), anything else is resolved; then masked comparison as {@code convert_addr} does.
   */
  boolean isInNet(String host, String pattern, String mask) {
    var literal = LOOSE_IPV4.matcher(host);
    String address;
    if (literal.matches()) {
      for (int g = 1; g <= 4; g++) {
        if (Integer.parseInt(literal.group(g)) > 255) {
          return false;
        }
      }
      address = host;
    } else {
      address = dnsResolve(host);
      if (address == null) {
        return false;
      }
    }
    int m = HostHelpers.convertAddr(mask);
    return (HostHelpers.convertAddr(address) & m) == (HostHelpers.convertAddr(pattern) & m);
  }

  /**
   * Microsoft's {@code isInNetEx(addressOrHost, "prefix/bits")}: true when any address of the first
   * argument (a literal, a semicolon-separated list of literals, or a name to resolve) lies in the
   * prefix. A malformed prefix or a family mismatch gives false.
   */
  boolean isInNetEx(String host, String prefix) {
    int slash = prefix.indexOf('/');
    IpAddress network =
        slash > 0 ? IpAddress.tryParse(prefix.substring(0, slash)).orElse(null) : null;
    int bits = slash > 0 ? prefixBits(prefix.substring(slash + 1)) : -1;
    if (network == null || bits < 0 || bits > network.bits()) {
      return false;
    }
    return candidates(host).stream().anyMatch(a -> a.inPrefix(network, bits));
  }

  private List<IpAddress> candidates(String host) {
    List<IpAddress> list = new ArrayList<>();
    for (String part : host.split(";")) {
      IpAddress.tryParse(part.strip()).ifPresent(list::add);
    }
    return list.isEmpty() && !host.contains(";") ? addresses(host.strip()) : list;
  }

  private static int prefixBits(String text) {
    return text.matches("\\d{1,3}") ? Integer.parseInt(text) : -1;
  }

  /** The client's IPv4 address; {@code 127.0.0.1} when the client address is IPv6. */
  String myIpAddress() {
    boolean ipv4 =
        IpAddress.tryParse(clientIp).filter(a -> a.family() == IpAddress.Family.IPV4).isPresent();
    return ipv4 ? clientIp : PacEnvironment.DEFAULT_CLIENT_IP;
  }

  /**
   * The client's addresses, semicolon-separated (one address: the configured client address, which
   * the environment keeps in canonical form).
   */
  String myIpAddressEx() {
    return clientIp;
  }

  /**
   * Microsoft's {@code sortIpAddressList}: IPv6 addresses first, then IPv4, each family in
   * ascending numeric order; an empty string when any entry is not an address.
   */
  static String sortIpAddressList(String list) {
    List<IpAddress> addresses = new ArrayList<>();
    for (String part : list.split(";")) {
      Optional<IpAddress> address = IpAddress.tryParse(part.strip());
      if (address.isEmpty()) {
        return "";
      }
      addresses.add(address.get());
    }
    addresses.sort(
        Comparator.comparing(IpAddress::family)
            .reversed()
            .thenComparing(Comparator.naturalOrder()));
    return String.join(";", addresses.stream().map(IpAddress::text).toList());
  }
}

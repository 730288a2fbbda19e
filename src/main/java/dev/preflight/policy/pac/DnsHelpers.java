package dev.preflight.policy.pac;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
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
  private final Map<String, List<byte[]>> cache = new ConcurrentHashMap<>();

  DnsHelpers(PacResolver resolver, String clientIp) {
    this.resolver = resolver;
    this.clientIp = clientIp;
  }

  /** Every address of {@code host}: the literal itself, or the resolver's answer (v6 first). */
  List<byte[]> addresses(String host) {
    byte[] literal = IpAddresses.parse(host);
    if (literal != null) {
      return List.of(literal);
    }
    CallState state = SandboxContextFactory.current();
    if (state != null) {
      state.dnsStarted(host);
    }
    try {
      // Not computeIfAbsent: a lookup left running by an abandoned evaluation must not block
      // the next evaluation's lookup of the same name.
      List<byte[]> known = cache.get(host);
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

  private List<byte[]> lookup(String host) {
    List<byte[]> found = new ArrayList<>();
    List<String> answer;
    try {
      answer = resolver.lookup(host);
    } catch (RuntimeException e) {
      // A failing lookup is what the script would see as "does not resolve".
      answer = List.of();
    }
    for (String text : answer) {
      byte[] address = IpAddresses.parse(text);
      if (address != null) {
        found.add(address);
      }
    }
    // Microsoft's Ex helpers list IPv6 before IPv4, as getaddrinfo orders them.
    found.sort(Comparator.comparingInt(a -> -a.length));
    return List.copyOf(found);
  }

  /** The first IPv4 address of {@code host}, or null (the classic helpers know only IPv4). */
  @Nullable String dnsResolve(String host) {
    return addresses(host).stream()
        .filter(a -> a.length == 4)
        .findFirst()
        .map(IpAddresses::format)
        .orElse(null);
  }

  boolean isResolvable(String host) {
    return dnsResolve(host) != null;
  }

  /** Every address, semicolon-separated, or an empty string when the name does not resolve. */
  String dnsResolveEx(String host) {
    return String.join(";", addresses(host).stream().map(IpAddresses::format).toList());
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
    byte[] network = slash > 0 ? IpAddresses.parse(prefix.substring(0, slash)) : null;
    int bits = slash > 0 ? prefixBits(prefix.substring(slash + 1)) : -1;
    if (network == null || bits < 0 || bits > network.length * 8) {
      return false;
    }
    return candidates(host).stream().anyMatch(a -> IpAddresses.inPrefix(a, network, bits));
  }

  private List<byte[]> candidates(String host) {
    List<byte[]> list = new ArrayList<>();
    for (String part : host.split(";")) {
      byte[] literal = IpAddresses.parse(part.strip());
      if (literal != null) {
        list.add(literal);
      }
    }
    return list.isEmpty() && !host.contains(";") ? addresses(host.strip()) : list;
  }

  private static int prefixBits(String text) {
    return text.matches("\\d{1,3}") ? Integer.parseInt(text) : -1;
  }

  /** The client's IPv4 address; {@code 127.0.0.1} when the client address is IPv6. */
  String myIpAddress() {
    return IpAddresses.isIpv4(clientIp) ? clientIp : PacEnvironment.DEFAULT_CLIENT_IP;
  }

  /** The client's addresses, semicolon-separated (one address: the configured client address). */
  String myIpAddressEx() {
    return IpAddresses.format(IpAddresses.parse(clientIp));
  }

  /**
   * Microsoft's {@code sortIpAddressList}: IPv6 addresses first, then IPv4, each family in
   * ascending numeric order; an empty string when any entry is not an address.
   */
  static String sortIpAddressList(String list) {
    List<byte[]> addresses = new ArrayList<>();
    for (String part : list.split(";")) {
      byte[] address = IpAddresses.parse(part.strip());
      if (address == null) {
        return "";
      }
      addresses.add(address);
    }
    addresses.sort(
        Comparator.<byte[]>comparingInt(a -> -a.length).thenComparing(IpAddresses::compare));
    return String.join(";", addresses.stream().map(IpAddresses::format).toList());
  }
}

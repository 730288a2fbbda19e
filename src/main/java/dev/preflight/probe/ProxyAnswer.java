package dev.preflight.probe;

import dev.preflight.probe.InspectionProducts.Product;
import dev.preflight.probe.net.IpAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads an answer a proxy or filtering firewall wrote itself for what it says: it <em>refused</em>
 * the request ({@link Cause#HTTP_BLOCKED}: the proxy's policy must change), or it <em>could not
 * reach or resolve the destination</em> ({@link Cause#PROXY_UPSTREAM_FAILED}: the proxy's own
 * outbound path must change). The signals, strongest first:
 *
 * <ol>
 *   <li>Squid's error name ({@code X-Squid-Error: ERR_CONNECT_FAIL 111}, or the {@code <!-- ERR_...
 *       -->} its templates end with): {@code ERR_CONNECT_FAIL}, {@code ERR_DNS_FAIL}, {@code
 *       ERR_CANNOT_FORWARD} and the other errors of the way out are upstream failures, every other
 *       error a refusal;
 *   <li>a product's default page ({@link InspectionProducts}): its failure or refusal phrases;
 *   <li>the status: 502, 503 and 504 are upstream failures (RFC 9110 section 15.6: the gateway
 *       could not get an answer), every other error a refusal.
 * </ol>
 *
 * <p>An answer to CONNECT can only come from the proxy. Any other answer counts as the proxy's only
 * with a sign of it: Squid's error name, {@code Proxy-Agent}, a product named by {@code Server} or
 * recognised by its page, or a 403/451 carrying {@code Via}. A 503 without such a sign is the
 * origin's: Microsoft services answer 503 on a bare path.
 */
final class ProxyAnswer {
  /** What the proxy says. */
  enum Meaning {
    REFUSED,
    UPSTREAM_FAILED
  }

  /**
   * @param meaning refused, or could not reach the destination
   * @param evidence the signal that shows it, for the report ({@code X-Squid-Error: ...}), or empty
   * @param product the product recognised, or null
   * @param ipv6Only true when the destination the proxy could not reach is an IPv6-only name: its
   *     page says the network is unreachable for an IPv6 address (Squid: {@code ERR_CONNECT_FAIL}
   *     with errno 101), or this machine's resolver says so ({@link Ipv6OnlyName})
   */
  record Reading(Meaning meaning, String evidence, @Nullable String product, boolean ipv6Only) {
    Cause cause() {
      return meaning == Meaning.REFUSED ? Cause.HTTP_BLOCKED : Cause.PROXY_UPSTREAM_FAILED;
    }

    Reading forIpv6OnlyName() {
      return new Reading(meaning, evidence, product, true);
    }

    /** {@code " (evidence)"}, or nothing. */
    String suffix() {
      return evidence.isEmpty() ? "" : " (" + evidence + ")";
    }

    /** The warning for an IPv6-only destination: it does not count against the verdict. */
    ProbeFailure ipv6OnlyWarning(Phase phase, String proxy, String destination, int status) {
      return ProbeFailure.warn(
          cause(),
          phase,
          proxy
              + " could not reach "
              + destination
              + ", which has only IPv6 addresses ("
              + status
              + (evidence.isEmpty() ? "" : ", " + evidence)
              + "): a proxy without an IPv6 route cannot, and a device behind it does not use"
              + " IPv6-only names either, so this does not count against the verdict");
    }
  }

  /** Squid's errors of the way out: connect, DNS, forwarding, reading or writing upstream. */
  private static final Set<String> SQUID_UPSTREAM =
      Set.of(
          "ERR_CONNECT_FAIL",
          "ERR_DNS_FAIL",
          "ERR_CANNOT_FORWARD",
          "ERR_READ_TIMEOUT",
          "ERR_READ_ERROR",
          "ERR_WRITE_ERROR",
          "ERR_GATEWAY_FAILURE",
          "ERR_SECURE_CONNECT_FAIL",
          "ERR_ZERO_SIZE_OBJECT");

  private static final Pattern SQUID_COMMENT = Pattern.compile("<!--\\s*(err_[a-z_]+)\\s*-->");
  private static final Pattern IPV6_CANDIDATE = Pattern.compile("[0-9a-f]*:[0-9a-f:.]*:[0-9a-f.]*");
  private static final int NETWORK_UNREACHABLE = 101;

  private ProxyAnswer() {}

  /** What an answer to CONNECT other than 2xx says: only the proxy can have written it. */
  static Reading ofProxy(HttpResponse response) {
    String page = page(response);
    String squid = squidError(response, page);
    return squid != null
        ? squid(squid, page, response.has("X-Squid-Error"))
        : classify(response, page, product(response, page), proxyHeader(response));
  }

  /**
   * What any other error answer says when a proxy wrote it; null for a status below 400 and for an
   * answer that shows no sign of a proxy (then it is the origin's).
   */
  static @Nullable Reading read(HttpResponse response) {
    if (response.status() < 400) {
      return null;
    }
    String page = page(response);
    String squid = squidError(response, page);
    if (squid != null) {
      return squid(squid, page, response.has("X-Squid-Error"));
    }
    Optional<Product> product = product(response, page);
    String header = proxyHeader(response);
    return product.isEmpty() && header == null ? null : classify(response, page, product, header);
  }

  private static Reading classify(
      HttpResponse response, String text, Optional<Product> product, @Nullable String header) {
    int status = response.status();
    Meaning meaning = product.map(p -> meaning(p, text)).orElse(null);
    if (meaning == null) {
      meaning = status >= 502 && status <= 504 ? Meaning.UPSTREAM_FAILED : Meaning.REFUSED;
    }
    String page = meaning == Meaning.REFUSED ? " block page" : " error page";
    String evidence = header != null ? header : product.map(p -> p.name() + page).orElse("");
    return new Reading(meaning, evidence, product.map(Product::name).orElse(null), false);
  }

  private static String page(HttpResponse response) {
    return new String(response.body(), StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
  }

  private static Reading squid(String error, String page, boolean header) {
    String name = error.split(" ", 2)[0].toUpperCase(Locale.ROOT);
    Meaning meaning = SQUID_UPSTREAM.contains(name) ? Meaning.UPSTREAM_FAILED : Meaning.REFUSED;
    boolean ipv6Only =
        name.equals("ERR_CONNECT_FAIL") && errno(error, page) == NETWORK_UNREACHABLE && ipv6(page);
    String evidence =
        (header ? "X-Squid-Error: " : "Squid error page ") + Printable.clip(error, 80);
    return new Reading(meaning, evidence, "Squid", ipv6Only);
  }

  private static @Nullable String squidError(HttpResponse response, String page) {
    Optional<String> header = response.header("X-Squid-Error");
    if (header.isPresent()) {
      return header.get().trim();
    }
    Matcher comment = SQUID_COMMENT.matcher(page);
    return page.contains("squid") && comment.find() ? comment.group(1) : null;
  }

  private static @Nullable Meaning meaning(Product product, String page) {
    if (product.failsUpstream(page)) {
      return Meaning.UPSTREAM_FAILED;
    }
    return product.refuses(page) ? Meaning.REFUSED : null;
  }

  /** The product named by {@code Server} or {@code Proxy-Agent}, else recognised by its page. */
  private static Optional<Product> product(HttpResponse response, String page) {
    List<String> headers =
        List.of(response.header("Server").orElse(""), response.header("Proxy-Agent").orElse(""));
    Optional<Product> named = InspectionProducts.named(headers);
    return named.isPresent() ? named : InspectionProducts.page(page);
  }

  /** The header that shows a proxy wrote this error, or null. */
  private static @Nullable String proxyHeader(HttpResponse response) {
    if (response.has("Proxy-Agent")) {
      return "Proxy-Agent: " + Printable.clip(response.header("Proxy-Agent").orElse(""), 80);
    }
    String server = response.header("Server").orElse("");
    if (InspectionProducts.named(List.of(server)).isPresent()) {
      return "Server: " + Printable.clip(server, 80);
    }
    int status = response.status();
    if ((status == 403 || status == 451) && response.has("Via")) {
      return "Via: " + Printable.clip(response.header("Via").orElse(""), 80);
    }
    return null;
  }

  /** Squid's errno: the number after the error name, or the {@code (101)} on its page. */
  private static int errno(String error, String page) {
    String[] parts = error.trim().split("\\s+");
    if (parts.length > 1
        && parts[1].chars().allMatch(Character::isDigit)
        && parts[1].length() < 5) {
      return Integer.parseInt(parts[1]);
    }
    return page.contains("(" + NETWORK_UNREACHABLE + ")") ? NETWORK_UNREACHABLE : -1;
  }

  /**
   * True when the page's error text names an IPv6 address: Squid's {@code <blockquote id="error">}
   * says {@code Connection to %I failed}, in the page's language.
   */
  private static boolean ipv6(String page) {
    int start = page.indexOf("<blockquote id=\"error\">");
    int end = start < 0 ? -1 : page.indexOf("</blockquote>", start);
    String error = end < 0 ? page : page.substring(start, end);
    Matcher candidates = IPV6_CANDIDATE.matcher(error);
    while (candidates.find()) {
      String text = candidates.group();
      if (text.length() <= 45
          && text.chars().anyMatch(Character::isDigit)
          && IpAddress.isLiteral(text)
          && IpAddress.parse(text).family() == IpAddress.Family.IPV6) {
        return true;
      }
    }
    return false;
  }
}

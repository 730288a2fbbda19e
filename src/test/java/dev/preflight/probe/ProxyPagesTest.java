package dev.preflight.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.catalog.Protocol;
import dev.preflight.testing.ConnectProxyStub;
import dev.preflight.testing.TestEndpoints;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The answers proxies and filtering firewalls write themselves ({@code src/test/resources/proxy/},
 * one per product and case, from the products' documented pages), served by an in-process proxy as
 * the answer to CONNECT and to a plain HTTP request: refusals are HTTP_BLOCKED, destinations the
 * proxy could not reach or resolve PROXY_UPSTREAM_FAILED, and the product is recorded.
 */
@Timeout(60)
class ProxyPagesTest {
  private static final String V6_ONLY = "ipv6.example.test";

  private final LoopbackFixture fixture = new LoopbackFixture();

  @AfterEach
  void close() {
    fixture.close();
  }

  static Stream<Arguments> pages() {
    return Stream.of(
        page("squid-access-denied", Cause.HTTP_BLOCKED, "Squid"),
        page("squid-connect-fail", Cause.PROXY_UPSTREAM_FAILED, "Squid"),
        page("squid-dns-fail", Cause.PROXY_UPSTREAM_FAILED, "Squid"),
        page("squid-cannot-forward", Cause.PROXY_UPSTREAM_FAILED, "Squid"),
        page("squid-header-stripped", Cause.PROXY_UPSTREAM_FAILED, "Squid"),
        page("bluecoat-policy-denied", Cause.HTTP_BLOCKED, "Blue Coat/Symantec ProxySG"),
        page("bluecoat-dns-unresolved", Cause.PROXY_UPSTREAM_FAILED, "Blue Coat/Symantec ProxySG"),
        page("bluecoat-tcp-error", Cause.PROXY_UPSTREAM_FAILED, "Blue Coat/Symantec ProxySG"),
        page("zscaler-block", Cause.HTTP_BLOCKED, "Zscaler"),
        page("zscaler-gateway", Cause.PROXY_UPSTREAM_FAILED, "Zscaler"),
        page("paloalto-block", Cause.HTTP_BLOCKED, "Palo Alto Networks"),
        page("fortinet-block", Cause.HTTP_BLOCKED, "Fortinet FortiGate"),
        page("cisco-block", Cause.HTTP_BLOCKED, "Cisco Secure Web Appliance"),
        page("cisco-dns-fail", Cause.PROXY_UPSTREAM_FAILED, "Cisco Secure Web Appliance"),
        page("forcepoint-block", Cause.HTTP_BLOCKED, "Forcepoint"),
        page("sophos-block", Cause.HTTP_BLOCKED, "Sophos"));
  }

  private static Arguments page(String name, Cause cause, String product) {
    return Arguments.of(name, cause, product);
  }

  @ParameterizedTest(name = "CONNECT answered with {0} -> {1}")
  @MethodSource("pages")
  void connectAnswerIsReadForWhatItSays(String name, Cause cause, String product) {
    ProbeResult result = probe(Protocol.HTTPS, name);
    LoopbackFixture.assertFailure(result, cause, Phase.PROXY_TUNNEL);
    assertThat(result.failure().warning()).isFalse();
    assertThat(result.fact(Fact.PRODUCT)).contains(product);
  }

  @ParameterizedTest(name = "plain HTTP answered with {0} -> {1}")
  @MethodSource("pages")
  void plainAnswerIsReadForWhatItSays(String name, Cause cause, String product) {
    ProbeResult result = probe(Protocol.HTTP, name);
    LoopbackFixture.assertFailure(result, cause, Phase.RESPONSE);
    assertThat(result.fact(Fact.PRODUCT)).contains(product);
  }

  @Test
  void squidConnectFailureNamesTheDestinationAndTheErrorInTheDetail() {
    ProbeResult result = probe(Protocol.HTTPS, "squid-connect-fail");
    assertThat(result.failure().message())
        .endsWith(
            " could not reach "
                + LoopbackFixture.HOST
                + ":443: it answered CONNECT with 503 (X-Squid-Error: ERR_CONNECT_FAIL 111)");
  }

  @Test
  void networkUnreachableForAnIpv6AddressIsAWarning() {
    for (Protocol protocol : new Protocol[] {Protocol.HTTPS, Protocol.HTTP}) {
      assertIpv6OnlyWarning(probe(protocol, "squid-ipv6-unreachable"), protocol);
    }
  }

  @Test
  void anyUpstreamFailureForANameWithOnlyIpv6AddressesIsAWarning() {
    // Squid without IPv6 does not even try such a name: CONNECT gets ERR_CANNOT_FORWARD. This
    // machine's resolver tells that the name has only AAAA records.
    fixture.dns.answer(V6_ONLY, "2001:2::10");
    for (Protocol protocol : new Protocol[] {Protocol.HTTPS, Protocol.HTTP}) {
      assertIpv6OnlyWarning(probe(protocol, V6_ONLY, "squid-cannot-forward"), protocol);
    }
  }

  @Test
  void anUpstreamFailureForANameWithIpv4AddressesIsAFailure() {
    ProbeResult result = probe(Protocol.HTTPS, "squid-cannot-forward");
    LoopbackFixture.assertFailure(result, Cause.PROXY_UPSTREAM_FAILED, Phase.PROXY_TUNNEL);
    assertThat(result.failure().warning()).isFalse();
  }

  private static void assertIpv6OnlyWarning(ProbeResult result, Protocol protocol) {
    assertThat(result.failure()).as("%s", protocol).isNotNull();
    assertThat(result.failure().cause()).isEqualTo(Cause.PROXY_UPSTREAM_FAILED);
    assertThat(result.failure().warning()).as("%s is a warning", protocol).isTrue();
    assertThat(result.failure().message())
        .contains("which has only IPv6 addresses", "does not count against the verdict");
  }

  private ProbeResult probe(Protocol protocol, String page) {
    return probe(protocol, LoopbackFixture.HOST, page);
  }

  private ProbeResult probe(Protocol protocol, String host, String page) {
    ConnectProxyStub proxy = fixture.closeLater(ConnectProxyStub.answering(load(page)));
    return Probes.forProtocol(protocol)
        .run(
            new ProbeTarget(
                TestEndpoints.of(host, protocol, protocol == Protocol.HTTPS ? 443 : 80),
                Route.proxy("127.0.0.1", proxy.port())),
            fixture.context(Duration.ofSeconds(3)));
  }

  /** The fixture's head with CRLF line ends and a Content-Length, then its page. */
  static byte[] load(String name) {
    String text = resource("/proxy/" + name + ".http");
    int blank = text.indexOf("\n\n");
    String head = text.substring(0, blank).replace("\n", "\r\n");
    byte[] body = text.substring(blank + 2).getBytes(StandardCharsets.UTF_8);
    String full = head + "\r\nContent-Length: " + body.length + "\r\n\r\n";
    byte[] headBytes = full.getBytes(StandardCharsets.ISO_8859_1);
    byte[] all = new byte[headBytes.length + body.length];
    System.arraycopy(headBytes, 0, all, 0, headBytes.length);
    System.arraycopy(body, 0, all, headBytes.length, body.length);
    return all;
  }

  private static String resource(String path) {
    try (@Nullable InputStream in = ProxyPagesTest.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

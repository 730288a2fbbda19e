package dev.preflight.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.probe.FailureClassifier.Peer;
import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.ProtocolException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.stream.Stream;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FailureClassifierTest {
  static Stream<Arguments> table() {
    return Stream.of(
        Arguments.of(
            Phase.RESOLVE, Peer.ORIGIN, new SocketTimeoutException(), false, Cause.DNS_TIMEOUT),
        Arguments.of(Phase.RESOLVE, Peer.ORIGIN, new IOException("bad"), false, Cause.DNS_SERVFAIL),
        Arguments.of(
            Phase.RESOLVE,
            Peer.PROXY,
            new SocketTimeoutException(),
            false,
            Cause.PROXY_UNREACHABLE),
        Arguments.of(
            Phase.CONNECT,
            Peer.ORIGIN,
            new ConnectException("Connection refused"),
            false,
            Cause.TCP_REFUSED),
        Arguments.of(
            Phase.CONNECT,
            Peer.ORIGIN,
            new SocketTimeoutException("Connect timed out"),
            false,
            Cause.TCP_TIMEOUT),
        Arguments.of(
            Phase.CONNECT,
            Peer.ORIGIN,
            new NoRouteToHostException("No route to host"),
            false,
            Cause.TCP_UNREACHABLE),
        Arguments.of(
            Phase.CONNECT,
            Peer.ORIGIN,
            new SocketException("Network is unreachable"),
            false,
            Cause.TCP_UNREACHABLE),
        Arguments.of(
            Phase.CONNECT,
            Peer.PROXY,
            new ConnectException("Connection refused"),
            false,
            Cause.PROXY_UNREACHABLE),
        Arguments.of(
            Phase.CONNECT,
            Peer.DOMAIN_CONTROLLER,
            new SocketTimeoutException(),
            false,
            Cause.DC_UNREACHABLE),
        Arguments.of(
            Phase.TLS_HANDSHAKE,
            Peer.ORIGIN,
            new SSLHandshakeException("alert"),
            false,
            Cause.TLS_HANDSHAKE_FAILED),
        Arguments.of(
            Phase.TLS_HANDSHAKE,
            Peer.ORIGIN,
            new SocketException("Socket closed"),
            true,
            Cause.TLS_TIMEOUT),
        Arguments.of(
            Phase.RESPONSE, Peer.ORIGIN, new SocketTimeoutException(), false, Cause.HTTP_TIMEOUT),
        Arguments.of(Phase.RESPONSE, Peer.ORIGIN, new EOFException(), false, Cause.HTTP_BLOCKED),
        Arguments.of(
            Phase.RESPONSE,
            Peer.ORIGIN,
            new ProtocolException("x"),
            false,
            Cause.HTTP_UNEXPECTED_STATUS),
        Arguments.of(
            Phase.PROXY_TUNNEL,
            Peer.PROXY,
            new SocketTimeoutException(),
            false,
            Cause.HTTP_TIMEOUT),
        Arguments.of(
            Phase.NTP_EXCHANGE,
            Peer.ORIGIN,
            new SocketTimeoutException(),
            false,
            Cause.NTP_TIMEOUT));
  }

  @ParameterizedTest
  @MethodSource("table")
  void mapsExceptionsToCauses(
      Phase phase, Peer peer, Throwable error, boolean expired, Cause cause) {
    ProbeFailure failure = FailureClassifier.classify(phase, peer, "h:1", error, waited(expired));
    assertThat(failure.cause()).isEqualTo(cause);
    assertThat(failure.phase()).isEqualTo(phase);
    assertThat(failure.warning()).isFalse();
  }

  private static FailureClassifier.Waited waited(boolean expired) {
    return new FailureClassifier.Waited(Duration.ofSeconds(5), Duration.ofSeconds(5), expired);
  }

  @org.junit.jupiter.api.Test
  void aConnectTimeoutWithItsOwnTimeIsADropAndSaysHowLongItWaited() {
    ProbeFailure failure =
        FailureClassifier.classify(
            Phase.CONNECT,
            Peer.ORIGIN,
            "198.18.0.21:443",
            new SocketTimeoutException("connect timed out"),
            new FailureClassifier.Waited(Duration.ofMillis(4_960), Duration.ofSeconds(5), true));
    assertThat(failure.cause()).isEqualTo(Cause.TCP_TIMEOUT);
    assertThat(failure.message())
        .isEqualTo("no answer to the connection attempt to 198.18.0.21:443 in 5.0 s (dropped)");
  }

  @org.junit.jupiter.api.Test
  void aConnectLeftWithTheCrumbsOfASlowDnsAnswerIsNotCalledDropped() {
    ProbeFailure failure =
        FailureClassifier.classify(
            Phase.CONNECT,
            Peer.ORIGIN,
            "198.18.0.10:443",
            new SocketTimeoutException("connect timed out"),
            new FailureClassifier.Waited(Duration.ofMillis(300), Duration.ofSeconds(5), true));
    assertThat(failure.cause()).isEqualTo(Cause.TCP_TIMEOUT);
    assertThat(failure.message())
        .isEqualTo(
            "no answer to the connection attempt to 198.18.0.10:443 in the 0.3 s that earlier"
                + " phases left of the 5.0 s")
        .doesNotContain("dropped");
  }

  @org.junit.jupiter.api.Test
  void aTlsTimeoutNamesTheHandshakeAndItsWait() {
    ProbeFailure failure =
        FailureClassifier.classify(
            Phase.TLS_HANDSHAKE,
            Peer.ORIGIN,
            "ztd.dds.microsoft.com:443",
            new SocketTimeoutException("Read timed out"),
            new FailureClassifier.Waited(Duration.ofMillis(4_990), Duration.ofSeconds(5), true));
    assertThat(failure.cause()).isEqualTo(Cause.TLS_TIMEOUT);
    assertThat(failure.message())
        .isEqualTo(
            "ztd.dds.microsoft.com:443 accepted TCP but did not complete the TLS handshake in"
                + " 5.0 s");
  }

  @org.junit.jupiter.api.Test
  void aClosedDnsPortIsARefusalInPlainWords() {
    ProbeFailure failure =
        FailureClassifier.classify(
            Phase.RESOLVE,
            Peer.ORIGIN,
            "ztd.dds.microsoft.com",
            new java.net.PortUnreachableException(),
            waited(false));
    assertThat(failure.cause()).isEqualTo(Cause.DNS_SERVFAIL);
    assertThat(failure.message())
        .isEqualTo(
            "DNS lookup of ztd.dds.microsoft.com refused: nothing answers on the DNS server's"
                + " port (ICMP port unreachable)")
        .doesNotContain("java.");
  }
}

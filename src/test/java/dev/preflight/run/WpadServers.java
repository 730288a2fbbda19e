package dev.preflight.run;

import dev.preflight.catalog.Endpoint;
import dev.preflight.probe.HttpExchange;
import dev.preflight.probe.HttpRequest;
import dev.preflight.probe.ProbeContext;
import dev.preflight.probe.ProbeTarget;
import dev.preflight.probe.net.DnsSuffixes;
import dev.preflight.probe.net.Resolver;
import dev.preflight.run.proxy.MachineProxy;
import dev.preflight.testing.DnsTestServer;
import dev.preflight.testing.HttpTestServer;
import dev.preflight.testing.LoopbackConnector;
import dev.preflight.testing.TestEndpoints;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * In-process stand-ins for a network's WPAD servers: a DNS responder (every name NXDOMAIN unless a
 * test answers it) and one plain HTTP server answering each {@code Host} as a test sets it. Route
 * discovery runs unchanged through the probe engine; only the port of each request is moved from 80
 * to the server's, and the lab's benchmark addresses to loopback.
 */
final class WpadServers implements AutoCloseable {
  static final String ADDRESS = "198.18.0.80";
  static final Duration TIMEOUT = Duration.ofSeconds(2);

  final DnsTestServer dns = new DnsTestServer();
  final HttpTestServer server = HttpTestServer.plain(this::answer);
  final List<String> hostsAsked = new CopyOnWriteArrayList<>();
  private final Map<String, HttpTestServer.Behaviour> answers = new ConcurrentHashMap<>();
  private final ProbeContext context =
      ProbeContext.system(TIMEOUT, List.of(), dns.address()).withConnector(new LoopbackConnector());

  /** {@code host} resolves and answers {@code behaviour}. */
  WpadServers serve(String host, HttpTestServer.Behaviour behaviour) {
    dns.answer(host, ADDRESS);
    answers.put(host, behaviour);
    return this;
  }

  WpadServers script(String host, String script) {
    return serve(
        host,
        HttpTestServer.answer(200, script, "Content-Type: application/x-ns-proxy-autoconfig"));
  }

  RouteFinder finder(MachineProxy machine) {
    RouteFinder.Network network =
        new RouteFinder.Network() {
          @Override
          public HttpExchange.Outcome exchange(ProbeTarget target, HttpRequest request) {
            return HttpExchange.send(
                new ProbeTarget(onServer(target.endpoint()), target.route()), request, context);
          }

          @Override
          public Resolver resolver() {
            return context.resolver();
          }
        };
    return new RouteFinder(network, machine);
  }

  /** A machine without proxy settings. */
  static MachineProxy bareMachine() {
    return new MachineProxy(command -> null, "Linux");
  }

  static CheckSettings settings(ProxySource source, String... suffixes) {
    return CheckSettings.builder()
        .timeout(TIMEOUT)
        .proxySource(source)
        .domainSuffixes(new DnsSuffixes(List.of(suffixes), "test"))
        .build();
  }

  private void answer(String head, OutputStream out) throws Exception {
    String host =
        head.lines()
            .filter(l -> l.toLowerCase(Locale.ROOT).startsWith("host:"))
            .map(l -> l.substring(5).strip().replaceFirst(":\\d+$", ""))
            .findFirst()
            .orElse("");
    hostsAsked.add(host);
    HttpTestServer.Behaviour behaviour = answers.get(host);
    if (behaviour == null) {
      out.write(HttpTestServer.response(404, "not here"));
    } else {
      behaviour.respond(head, out);
    }
  }

  private Endpoint onServer(Endpoint e) {
    return TestEndpoints.overPlainHttp(e, server.port());
  }

  @Override
  public void close() {
    server.close();
    dns.close();
  }
}

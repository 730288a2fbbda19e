package dev.preflight.run;

import dev.preflight.catalog.CatalogLoader;
import dev.preflight.catalog.Endpoint;
import dev.preflight.catalog.Scenario;
import dev.preflight.probe.AliasProbe;
import dev.preflight.probe.HttpExchange;
import dev.preflight.probe.HttpRequest;
import dev.preflight.probe.ProbeContext;
import dev.preflight.probe.ProbeResult;
import dev.preflight.probe.ProbeTarget;
import dev.preflight.testing.DnsTestServer;
import dev.preflight.testing.HttpTestServer;
import dev.preflight.testing.LoopbackConnector;
import dev.preflight.testing.TestEndpoints;
import dev.preflight.verdict.EndpointResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * In-process stand-ins for the discovery endpoints of the tenant {@code fabrikam.example}: one
 * plain HTTP server answering each path as a test sets it, and a DNS responder sending
 * login.microsoftonline.com and enrollment.manage.microsoft.com to it, with the tenant's aliases.
 * Discovery runs unchanged; only the scheme and port of each request are moved to the server.
 */
final class TenantServers implements AutoCloseable {
  static final String DOMAIN = "fabrikam.example";
  static final String REALM = "/common/userrealm/";
  static final String OPENID = "/" + DOMAIN + "/v2.0/.well-known/openid-configuration";
  static final String MDM = "/EnrollmentServer/Discovery.svc";

  final DnsTestServer dns =
      new DnsTestServer()
          .answer("login.microsoftonline.com", "198.18.0.20")
          .answer("enrollment.manage.microsoft.com", "198.18.0.20")
          .cname("enterpriseenrollment." + DOMAIN, "enterpriseenrollment-s.manage.microsoft.com")
          .cname("enterpriseregistration." + DOMAIN, "mdm.fabrikam.example");
  final HttpTestServer server = HttpTestServer.plain(this::answer);
  private final Map<String, HttpTestServer.Behaviour> answers = new ConcurrentHashMap<>();

  /** The text of a fixture in {@code src/test/resources/tenant}. */
  static String fixture(String name) {
    try (InputStream in = TenantServers.class.getResourceAsStream("/tenant/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Answers requests whose path starts with {@code path} with {@code status} and {@code body}. */
  TenantServers serve(String path, int status, String body) {
    return serve(path, HttpTestServer.answer(status, body));
  }

  TenantServers serve(String path, HttpTestServer.Behaviour behaviour) {
    answers.put(path, behaviour);
    return this;
  }

  /** A federated realm, a worldwide tenant and an MDM discovery naming its services. */
  TenantServers wellFormed() {
    return serve(REALM, 200, fixture("realm-federated.json"))
        .serve(OPENID, 200, fixture("openid-worldwide.json"))
        .serve(MDM, 200, fixture("mdm-discover-response.xml"));
  }

  TenantFindings discover() {
    return discover(List.of(Scenario.USER_DRIVEN));
  }

  TenantFindings discover(List<Scenario> scenarios) {
    ProbeContext context =
        ProbeContext.system(Duration.ofSeconds(2), List.of(), dns.address())
            .withConnector(new LoopbackConnector());
    TenantDiscovery.Network network =
        new TenantDiscovery.Network() {
          @Override
          public HttpExchange.Outcome exchange(ProbeTarget target, HttpRequest request) {
            ProbeTarget plain = new ProbeTarget(onServer(target.endpoint()), target.route());
            return HttpExchange.send(plain, request, context);
          }

          @Override
          public ProbeResult alias(ProbeTarget target) {
            return AliasProbe.run(target, context);
          }
        };
    CheckSettings settings =
        CheckSettings.builder()
            .scenarios(scenarios)
            .timeout(Duration.ofSeconds(2))
            .tenant(Tenant.parse(DOMAIN))
            .build();
    return new TenantDiscovery(network, Clock.systemUTC())
        .discover(CatalogLoader.shipped(), settings);
  }

  static EndpointResult result(TenantFindings findings, String id) {
    return findings.settled().stream()
        .filter(r -> r.endpoint().id().equals(id))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no result " + id + " in " + findings.settled()));
  }

  static List<String> targetHosts(TenantFindings findings) {
    return findings.targets().stream().map(t -> t.endpoint().host()).toList();
  }

  private void answer(String head, OutputStream out) throws Exception {
    String path = head.substring(head.indexOf(' ') + 1, head.indexOf(" HTTP/1.1"));
    for (Map.Entry<String, HttpTestServer.Behaviour> answer : answers.entrySet()) {
      if (path.startsWith(answer.getKey())) {
        answer.getValue().respond(head, out);
        return;
      }
    }
    out.write(HttpTestServer.response(404, "not here"));
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

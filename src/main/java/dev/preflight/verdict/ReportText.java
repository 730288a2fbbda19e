package dev.preflight.verdict;

import dev.preflight.catalog.Service;
import dev.preflight.common.Display;
import dev.preflight.common.Secrets;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The last guard before a report holds a string that came from outside (a detail, a route, a
 * warning, an address, a certificate name, a configuration rule, what tenant or proxy discovery
 * found, a service name from a catalog file): credentials redacted and control characters escaped
 * by {@link Display}, whatever the producer already did. {@link Judge} applies it once, so every
 * renderer and the findings start from safe text; renderers with their own syntax (HTML, XML, CSV,
 * Markdown, JSON) escape on top of it. Pure.
 */
final class ReportText {
  /** Generous: producers cap their own text; this only bounds what slipped through. */
  private static final int MAX = 4000;

  private ReportText() {}

  static String safe(String text) {
    return Display.text(Secrets.redact(text), MAX);
  }

  static @Nullable String orNull(@Nullable String text) {
    return text == null ? null : safe(text);
  }

  static List<String> all(List<String> texts) {
    return texts.stream().map(ReportText::safe).toList();
  }

  static EndpointResult safe(EndpointResult result) {
    TlsFacts tls = result.tls();
    Evidence evidence = result.evidence();
    return result
        .withDetail(safe(result.detail()))
        .withRemedy(orNull(result.remedy()))
        .withRoute(orNull(result.route()))
        .withAddresses(all(result.addresses()))
        .withTls(
            tls == null
                ? null
                : new TlsFacts(
                    orNull(tls.protocol()),
                    orNull(tls.issuer()),
                    orNull(tls.root()),
                    orNull(tls.notAfter())))
        .withEvidence(
            evidence == null
                ? null
                : new Evidence(orNull(evidence.file()), evidence.line(), orNull(evidence.rule())));
  }

  static Environment safe(Environment env) {
    return env.toBuilder()
        .proxy(orNull(env.proxy()))
        .dnsServers(all(env.dnsServers()))
        .proxySource(orNull(env.proxySource()))
        .dnsSource(orNull(env.dnsSource()))
        .clockSource(orNull(env.clockSource()))
        .machine(orNull(env.machine()))
        .addresses(all(env.addresses()))
        .defaultInterface(orNull(env.defaultInterface()))
        .catalogDate(orNull(env.catalogDate()))
        .tenant(env.tenant() == null ? null : safe(env.tenant()))
        .domain(
            env.domain() == null
                ? null
                : new DomainChoice(safe(env.domain().name()), safe(env.domain().source())))
        .proxyDiscovery(env.proxyDiscovery() == null ? null : safe(env.proxyDiscovery()))
        .build();
  }

  private static TenantSummary safe(TenantSummary tenant) {
    return new TenantSummary(
        safe(tenant.name()),
        orNull(tenant.tenantId()),
        orNull(tenant.namespaceType()),
        orNull(tenant.cloudInstance()),
        orNull(tenant.region()),
        tenant.discoveredHosts().stream()
            .map(h -> new TenantSummary.DiscoveredHost(safe(h.host()), safe(h.discoveredBy())))
            .toList());
  }

  private static ProxySourceSummary safe(ProxySourceSummary source) {
    return new ProxySourceSummary(
        safe(source.source()),
        safe(source.found()),
        orNull(source.pac()),
        all(source.wpadCandidates()),
        source.routes().stream()
            .map(c -> new ProxySourceSummary.RouteCount(safe(c.route()), c.endpoints()))
            .toList());
  }

  static Service safe(Service service) {
    return new Service(service.id(), safe(service.name()), service.consequence());
  }
}

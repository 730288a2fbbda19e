package dev.preflight.verdict;

import dev.preflight.catalog.Service;
import dev.preflight.common.Display;
import dev.preflight.common.Secrets;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The last guard before a report holds a string that came from outside (a detail, a route, a
 * warning, an address, a setting's source, a service name from a catalog file): credentials
 * redacted and control characters escaped by {@link Display}, whatever the producer already did.
 * {@link Judge} applies it once, so every renderer and the findings start from safe text; renderers
 * with their own syntax (HTML, XML, CSV, Markdown, JSON) escape on top of it. Pure.
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
    return result
        .withDetail(safe(result.detail()))
        .withRemedy(orNull(result.remedy()))
        .withRoute(orNull(result.route()))
        .withAddresses(all(result.addresses()));
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
        .build();
  }

  static Service safe(Service service) {
    return new Service(service.id(), safe(service.name()), service.consequence());
  }
}

package dev.preflight.run;

import dev.preflight.common.IpAddress;
import dev.preflight.probe.net.DnsAnswer;
import dev.preflight.probe.net.Question;
import dev.preflight.probe.net.RecordType;
import dev.preflight.probe.net.Resolver;
import dev.preflight.probe.net.SharedResolver;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Answers a PAC script's DNS helpers with the run's resolver, within one time budget for the whole
 * route selection, through the run's {@link SharedResolver} so that the probes reuse its answers.
 * The PAC sandbox does not count DNS waits against its own limits, and scripts often call {@code
 * dnsResolve} for every URL, so without a shared budget a dead DNS server would cost one timeout
 * per endpoint before probing even starts. Once the budget is spent, names are answered as
 * unresolvable and {@link #exhausted} turns true. Answers are cached per name, for one run: {@link
 * #restart} begins the next one with a full budget, no cached answer and a resolver that has asked
 * nothing yet, so a scheduled check sees a changed record.
 */
final class PacDnsBudget {
  private final Duration perLookup;
  private volatile SharedResolver resolver;
  private volatile long deadlineNanos;
  private final Map<String, List<String>> cache = new ConcurrentHashMap<>();
  private final AtomicBoolean exhausted = new AtomicBoolean();

  PacDnsBudget(Resolver resolver, Duration budget) {
    this.resolver = SharedResolver.of(resolver);
    this.perLookup = budget;
    this.deadlineNanos = System.nanoTime() + budget.toNanos();
  }

  /** Starts another run's budget. */
  void restart() {
    resolver = resolver.fresh();
    cache.clear();
    exhausted.set(false);
    deadlineNanos = System.nanoTime() + perLookup.toNanos();
  }

  List<String> lookup(String host) {
    return cache.computeIfAbsent(host, this::resolve);
  }

  boolean exhausted() {
    return exhausted.get();
  }

  private List<String> resolve(String host) {
    long now = System.nanoTime();
    if (deadlineNanos - now <= 0) {
      exhausted.set(true);
      return List.of();
    }
    long end = Math.min(deadlineNanos, now + perLookup.toNanos());
    Duration wait = Duration.ofNanos(end - now);
    // Both families at once, shared with the probes that will ask the same names.
    List<Question> questions =
        List.of(resolver.ask(host, RecordType.A, wait), resolver.ask(host, RecordType.AAAA, wait));
    List<String> addresses = new ArrayList<>();
    for (Question question : questions) {
      try {
        DnsAnswer answer = question.await(Duration.ofNanos(end - System.nanoTime()));
        answer.addresses().stream().map(IpAddress::text).forEach(addresses::add);
      } catch (IOException e) {
        // An unanswered lookup is "does not resolve" to the script, as in a browser.
      }
    }
    return addresses;
  }
}

package dev.preflight.probe;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Sends one HTTP(S) request to a target and hands back both the probe's judgement and the bounded
 * response: the same engine, route (direct or through the proxy the route names), deadline and
 * cause codes as a reachability probe, for requests whose answer the caller reads (discovery
 * documents, a PAC file). Every phase is bounded by the context's timeout, and the body by {@link
 * HttpRequest#maxBody}; redirects are never followed.
 */
public final class HttpExchange {
  /**
   * What one exchange produced.
   *
   * @param result the probe result, judged like any probe: a failure carries its cause code
   * @param response the response when the exchange passed; null when it failed
   */
  public record Outcome(ProbeResult result, @Nullable HttpResponse response) {
    public Outcome {
      Objects.requireNonNull(result, "result");
    }
  }

  private HttpExchange() {}

  /**
   * Sends {@code request} to {@code target.endpoint().target()} (its host, port and path, query
   * included) along {@code target.route()}. The endpoint's protocol must be {@code http} or {@code
   * https}; its expectation applies to the answer as in a probe.
   */
  public static Outcome send(ProbeTarget target, HttpRequest request, ProbeContext context) {
    return switch (target.endpoint().protocol()) {
      case HTTPS -> new HttpProbe(true).exchange(target, request, context);
      case HTTP -> new HttpProbe(false).exchange(target, request, context);
      default ->
          throw new IllegalArgumentException(
              "an HTTP exchange needs an http or https endpoint, not " + target.endpoint().id());
    };
  }
}

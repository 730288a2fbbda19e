package dev.preflight.probe;

/** One HTTP/1.1 request, over TLS for {@code https}. */
final class HttpProbe implements Probe {
  private final boolean tls;

  HttpProbe(boolean tls) {
    this.tls = tls;
  }

  @Override
  public ProbeResult run(ProbeTarget target, ProbeContext context) {
    throw new UnsupportedOperationException("https=" + tls);
  }
}

package dev.preflight.probe;

/** The steps of a probe, in the order they run; each is bounded by the probe's deadline. */
public enum Phase {
  RESOLVE,
  CONNECT,
  PROXY_TUNNEL,
  TLS_HANDSHAKE,
  REQUEST,
  RESPONSE,
  NTP_EXCHANGE
}

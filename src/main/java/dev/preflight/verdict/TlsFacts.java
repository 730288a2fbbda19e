package dev.preflight.verdict;

import org.jspecify.annotations.Nullable;

/** What the TLS handshake showed: negotiated version, leaf issuer, chain root, leaf expiry. */
public record TlsFacts(
    @Nullable String protocol,
    @Nullable String issuer,
    @Nullable String root,
    @Nullable String notAfter) {}

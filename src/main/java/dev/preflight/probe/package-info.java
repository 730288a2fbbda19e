/**
 * Live probes, one class per protocol, and the values they produce: {@link
 * dev.preflight.probe.ProbeResult} with per-phase timings, facts and a {@link
 * dev.preflight.probe.Cause}. Probes never throw for network trouble and never block without a
 * deadline. Socket, name-lookup and clock access goes through {@code probe.net} only.
 */
package dev.preflight.probe;

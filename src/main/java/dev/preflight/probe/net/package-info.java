/**
 * The only code that touches sockets, name lookup and clocks: the resolver, connector and clock
 * seams with their system implementations. Everything above it sees these as interfaces so tests
 * can aim them at loopback servers.
 */
package dev.preflight.probe.net;

/**
 * The allowlist a network team must open, built from the selected catalog entries and rendered as a
 * domain list, a PAC file, a squid configuration fragment, CSV or JSON. It reads only the catalog
 * model; it opens no files and no sockets (renderers write to the {@link java.io.Writer} they are
 * given).
 */
package dev.preflight.export;

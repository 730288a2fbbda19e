/**
 * {@code preflight serve} and {@code preflight diff}: {@code check} on a schedule ({@link
 * dev.preflight.monitor.Monitor}), its runs kept in an SQLite history, exposed as Prometheus
 * metrics through the official client, a blackbox-style {@code /probe} of catalog ids and an HTML
 * dashboard; and the comparison of two JSON reports. It reuses {@code run} for the check itself and
 * {@code report} for the JSON; it never reads the command line or writes to the console.
 */
package dev.preflight.monitor;

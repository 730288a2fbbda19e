/**
 * The few things every layer shares: the bad-input exception that carries a file and a line, the
 * bounded reader every input file goes through ({@link dev.preflight.common.InputFiles}), the
 * all-or-nothing writer for output files ({@link dev.preflight.common.AtomicFile}), the one CSV
 * writer ({@link dev.preflight.common.Csv}) and JSON writer set-up ({@link
 * dev.preflight.common.Json}), standard input for a file named {@code -} ({@link
 * dev.preflight.common.StandardInput}), and the rules for printing what came from outside: {@link
 * dev.preflight.common.Display} escapes it, {@link dev.preflight.common.Secrets} redacts
 * credentials, {@link dev.preflight.common.IoErrors} puts I/O failures in words; and the one way to
 * read and write addresses: {@link dev.preflight.common.IpAddress} literals (never a name lookup),
 * {@link dev.preflight.common.HostPort} with IPv6 brackets, {@link dev.preflight.common.ProxyUrl}
 * for every proxy option. It depends on nothing of ours.
 */
package dev.preflight.common;

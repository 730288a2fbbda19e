/**
 * Pure rules that turn probe results and policy decisions into causes, remedies and a verdict, and
 * the {@link dev.preflight.verdict.Report} value every renderer formats. No I/O, no clock, no
 * sockets: everything it needs comes in as values.
 */
package dev.preflight.verdict;

/**
 * The picocli commands: the only place that reads arguments, environment and standard input and
 * writes standard output and error, and the one place that maps failures to exit codes.
 */
package dev.preflight.cli;

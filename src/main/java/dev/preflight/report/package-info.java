/**
 * Renderers for one {@link dev.preflight.verdict.Report}: text, JSON and the other formats of the
 * contract. They format and nothing else: no probing, no judging, no file handling beyond the
 * writer they are given.
 */
package dev.preflight.report;

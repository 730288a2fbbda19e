package dev.preflight.verdict;

import org.jspecify.annotations.Nullable;

/** (analyze) The configuration rule that decided an endpoint's fate, with its file and line. */
public record Evidence(@Nullable String file, int line, @Nullable String rule) {}

package dev.preflight.policy.squid;

/** One word of a configuration line; {@code quoted} marks a {@code "..."} word (a file name). */
record Token(String text, boolean quoted) {}

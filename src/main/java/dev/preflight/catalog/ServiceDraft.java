package dev.preflight.catalog;

/** A service definition as read from a catalog file, with where it starts. */
record ServiceDraft(Origin origin, Service service) {}

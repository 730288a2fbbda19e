/**
 * The endpoint catalog as data: the shipped YAML resource, user catalog files, their loader and
 * validator, scenario selection, and the Microsoft 365 web-service importer. It depends on nothing
 * else of ours; every other package reads it.
 */
package dev.preflight.catalog;

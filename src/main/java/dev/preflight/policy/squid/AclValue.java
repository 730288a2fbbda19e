package dev.preflight.policy.squid;

/**
 * One acl value with the place it was written: the configuration line or a line of an acl file.
 *
 * @param text the value
 * @param origin {@code file:line}
 */
record AclValue(String text, String origin) {}

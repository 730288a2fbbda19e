/**
 * What this machine and its network say about proxies, read and parsed: the Windows WinINET and
 * WinHTTP settings, macOS's and GNOME's, bypass lists in their several dialects, the WPAD URLs DHCP
 * hands out and the DNS names WPAD discovery asks. Everything here is parsing of documented text
 * forms and bounded runs of the system's own tools; choosing routes from it is {@code
 * dev.preflight.run}'s, which this package does not depend on.
 */
package dev.preflight.run.proxy;

package dev.preflight.run.proxy;

import java.util.Objects;

/**
 * One URL WPAD discovery asks for a proxy script, and why.
 *
 * @param url the script's URL
 * @param via how it was found, for the report ({@code DNS suffix corp.example}, {@code DHCP option
 *     252 on eth0})
 * @param announced true when something named this URL (DHCP, a setting), so that a failure there is
 *     a fault to report; false for a DNS name WPAD guesses from a suffix, which usually does not
 *     exist
 */
public record WpadCandidate(String url, String via, boolean announced) {
  public WpadCandidate {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(via, "via");
  }
}

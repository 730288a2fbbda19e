package dev.preflight.verdict;

import java.util.Objects;

/**
 * The Active Directory domain a hybrid-join check used, and where it came from.
 *
 * @param name the domain
 * @param source {@code --domain}, or the system setting it was read from with what was tried (for
 *     example {@code DNS search suffix in /etc/resolv.conf})
 */
public record DomainChoice(String name, String source) {
  public DomainChoice {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(source, "source");
  }
}

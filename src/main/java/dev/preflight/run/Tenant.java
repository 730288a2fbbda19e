package dev.preflight.run;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The customer's Entra tenant as {@code --tenant} names it: a verified domain of the tenant, or the
 * user principal name of a user who will enroll devices (whose domain is then the tenant domain).
 *
 * @param domain the tenant domain, lower case, without a trailing dot
 * @param user the user principal name given, lower case; null when only a domain was given
 */
public record Tenant(String domain, @Nullable String user) {
  private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
  private static final Pattern LOCAL_PART = Pattern.compile("[a-z0-9!#$%&'*+/=?^_`{|}~.-]{1,64}");

  public Tenant {
    Objects.requireNonNull(domain, "domain");
  }

  /**
   * Reads {@code user@domain} or {@code domain}. A domain needs at least two labels of letters,
   * digits and hyphens (every verified Entra domain has one dot or more).
   *
   * @throws IllegalArgumentException with a sentence saying what is wrong
   */
  public static Tenant parse(String text) {
    String value = text.trim().toLowerCase(Locale.ROOT);
    int at = value.lastIndexOf('@');
    String domain = trimDot(at < 0 ? value : value.substring(at + 1));
    if (!isDomain(domain)) {
      throw new IllegalArgumentException(
          "'" + text + "' is neither a domain (contoso.com) nor a user name (user@contoso.com)");
    }
    if (at < 0) {
      return new Tenant(domain, null);
    }
    String local = value.substring(0, at);
    if (!LOCAL_PART.matcher(local).matches() || local.startsWith(".") || local.endsWith(".")) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a user principal name (expected user@contoso.com)");
    }
    return new Tenant(domain, local + "@" + domain);
  }

  /**
   * The user name discovery asks about: the one given, else a user of the tenant domain. Realm and
   * MDM discovery answer per domain, so any user name of the domain gets the same answer.
   */
  public String userName() {
    return user != null ? user : "user@" + domain;
  }

  private static boolean isDomain(String name) {
    if (name.isEmpty() || name.length() > 253 || !name.contains(".")) {
      return false;
    }
    for (String label : name.split("\\.", -1)) {
      if (!LABEL.matcher(label).matches()) {
        return false;
      }
    }
    return true;
  }

  private static String trimDot(String name) {
    return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
  }
}

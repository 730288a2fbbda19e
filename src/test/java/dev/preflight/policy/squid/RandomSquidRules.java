package dev.preflight.policy.squid;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Generates a random but valid set of Squid acls and http_access rules over given hosts, from a
 * seed: dstdomain and ssl::server_name values with and without a leading dot (in mixed case),
 * dstdom_regex and ssl::server_name_regex with and without -i, port, method, src, proxy_auth
 * REQUIRED, acl lines that accumulate, allow and deny lines of one to three acls with negations.
 * The last rule's action varies, so the implicit final rule is exercised both ways.
 */
final class RandomSquidRules {
  private static final String[] PORTS = {"80", "443", "8443", "1-1024", "1025-65535", "440-450"};
  private static final String[] SOURCES = {"127.0.0.1", "10.0.0.0/8", "127.0.0.0/8", "::1"};

  private final Random random;
  private final List<String> hosts;
  private final List<String> aclNames = new ArrayList<>();
  private final StringBuilder text = new StringBuilder();

  private RandomSquidRules(long seed, List<String> hosts) {
    this.random = new Random(seed);
    this.hosts = hosts;
  }

  /** The rules for {@code seed}; the same seed always gives the same text. */
  static String generate(long seed, List<String> hosts) {
    RandomSquidRules rules = new RandomSquidRules(seed, hosts);
    rules.acls();
    rules.accessLines();
    return rules.text.toString();
  }

  private void acls() {
    int count = 2 + random.nextInt(5);
    for (int i = 0; i < count; i++) {
      String name = "acl" + i;
      String type = pickType();
      int lines = random.nextInt(4) == 0 ? 2 : 1;
      for (int l = 0; l < lines; l++) {
        text.append("acl ").append(name).append(' ').append(type).append(' ');
        text.append(values(type)).append('\n');
      }
      aclNames.add(name);
    }
  }

  private String pickType() {
    int roll = random.nextInt(100);
    if (roll < 30) {
      return "dstdomain";
    } else if (roll < 35) {
      return random.nextBoolean() ? "ssl::server_name" : "ssl::server_name_regex";
    } else if (roll < 55) {
      return "dstdom_regex";
    } else if (roll < 67) {
      return "port";
    } else if (roll < 79) {
      return "method";
    } else if (roll < 89) {
      return "src";
    }
    return "proxy_auth";
  }

  private String values(String type) {
    return switch (type) {
      case "dstdomain", "ssl::server_name" -> join(1 + random.nextInt(4), this::domain);
      case "dstdom_regex", "ssl::server_name_regex" ->
          (random.nextBoolean() ? "-i " : "") + join(1 + random.nextInt(3), this::regex);
      case "port" -> join(1 + random.nextInt(2), () -> PORTS[random.nextInt(PORTS.length)]);
      case "method" ->
          random.nextInt(3) == 0 ? "CONNECT GET" : random.nextBoolean() ? "CONNECT" : "GET";
      case "src" -> SOURCES[random.nextInt(SOURCES.length)];
      default -> "REQUIRED";
    };
  }

  private String join(int count, java.util.function.Supplier<String> value) {
    List<String> values = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      values.add(value.get());
    }
    return String.join(" ", values);
  }

  private String host() {
    return hosts.get(random.nextInt(hosts.size()));
  }

  /** An exact host, or a parent zone (or the host itself) with a leading dot; sometimes shouted. */
  private String domain() {
    String host = host();
    String value = random.nextBoolean() ? host : "." + suffix(host);
    return random.nextInt(5) == 0 ? value.toUpperCase(Locale.ROOT) : value;
  }

  private String suffix(String host) {
    String[] labels = host.split("\\.");
    int from = random.nextInt(Math.max(1, labels.length - 1));
    return String.join(".", java.util.Arrays.copyOfRange(labels, from, labels.length));
  }

  /** An anchored prefix, an anchored zone suffix or a bare label, sometimes in upper case. */
  private String regex() {
    String host = host();
    String[] labels = host.split("\\.");
    String pattern =
        switch (random.nextInt(3)) {
          case 0 -> "^" + labels[0] + "\\.";
          case 1 -> "\\." + suffix(host).replace(".", "\\.") + "$";
          default -> labels[random.nextInt(labels.length)];
        };
    return random.nextInt(3) == 0 ? pattern.toUpperCase(Locale.ROOT) : pattern;
  }

  private void accessLines() {
    int count = 1 + random.nextInt(6);
    for (int i = 0; i < count; i++) {
      text.append("http_access ").append(random.nextBoolean() ? "allow" : "deny");
      int refs = 1 + random.nextInt(3);
      for (int r = 0; r < refs; r++) {
        String name =
            random.nextInt(8) == 0 ? "all" : aclNames.get(random.nextInt(aclNames.size()));
        text.append(' ').append(random.nextInt(10) < 3 ? "!" : "").append(name);
      }
      text.append('\n');
    }
  }
}

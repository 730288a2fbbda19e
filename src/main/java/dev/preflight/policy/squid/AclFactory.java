package dev.preflight.policy.squid;

import dev.preflight.common.InputKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Creates acls by type and reads their values, including values from files named in quotes ({@code
 * "/etc/squid/allowed.txt"}: one or more values a line, {@code #} comments).
 */
final class AclFactory {
  /** Options Squid accepts before the values that do not change this model's answers. */
  private static final Set<String> IGNORED_OPTIONS =
      Set.of("-n", "-m", "--", "--consensus", "--client-requested", "--server-provided");

  private AclFactory() {}

  static Acl create(String type, Map<String, Acl> registry) {
    return switch (type) {
      case "dstdomain", "ssl::server_name" -> new DomainAcl(type);
      case "dstdom_regex", "ssl::server_name_regex" -> new RegexAcl(type, SquidRequest::host);
      case "url_regex" -> new RegexAcl(type, SquidRequest::url);
      case "port" -> new PortAcl();
      case "method" -> new MethodAcl();
      case "src" -> new SrcAcl();
      case "proxy_auth", "proxy_auth_regex" -> new AuthAcl(type);
      case "at_step" -> new StepAcl();
      case "any-of" -> new GroupAcl(false, registry);
      case "all-of" -> new GroupAcl(true, registry);
      default -> new FixedAcl(type, Tri.UNKNOWN);
    };
  }

  /** The values written after {@code acl NAME TYPE}, with quoted file names expanded. */
  static List<AclValue> values(ConfigLine line, Path baseDir) {
    List<Token> tokens = line.tokens().subList(3, line.tokens().size());
    List<AclValue> values = new ArrayList<>();
    boolean options = true;
    for (Token token : tokens) {
      if (options && !token.quoted() && IGNORED_OPTIONS.contains(token.text())) {
        continue;
      }
      options = false;
      if (token.quoted()) {
        values.addAll(fromFile(ConfigReader.resolve(baseDir, token.text()), line));
      } else {
        values.add(new AclValue(token.text(), line.where()));
      }
    }
    return values;
  }

  private static List<AclValue> fromFile(Path file, ConfigLine line) {
    List<String> lines =
        ConfigReader.read(file, InputKind.SQUID_ACL, "acl file", line).lines().toList();
    List<AclValue> values = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      for (Token token : Tokenizer.tokens(lines.get(i), file, i + 1)) {
        values.add(new AclValue(token.text(), file + ":" + (i + 1)));
      }
    }
    return values;
  }
}

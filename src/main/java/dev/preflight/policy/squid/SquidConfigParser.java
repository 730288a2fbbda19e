package dev.preflight.policy.squid;

import dev.preflight.common.InputException;
import dev.preflight.policy.ConfigRoot;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the logical lines of a Squid configuration into a {@link SquidConfig}. Errors Squid would
 * refuse to start with (an undefined acl, an acl redefined with another type, an unknown action)
 * are {@link InputException}s naming the file and line.
 */
final class SquidConfigParser {
  private static final Set<String> BUMP_ACTIONS =
      Set.of(
          "splice", "bump", "peek", "stare", "terminate", "client-first", "server-first", "none");

  /** ssl_bump actions that leave a connection as a plain tunnel when no port bumps. */
  private static final Set<String> TUNNEL_ACTIONS = Set.of("splice", "peek", "none");

  private final ConfigFiles files;
  private final Map<String, Acl> acls = new HashMap<>();
  private final Map<String, ConfigLine> aclLines = new LinkedHashMap<>();
  private final List<AccessRule> httpAccess = new ArrayList<>();
  private final List<AccessRule> sslBump = new ArrayList<>();
  private final Set<String> warnings = new LinkedHashSet<>();
  private final UnmodelledDirectives unmodelled = new UnmodelledDirectives();
  private boolean bumpingPort;

  private SquidConfigParser(ConfigFiles files) {
    this.files = files;
    predefine("all", "src", "all");
    predefine("localhost", "src", "127.0.0.1/32", "::1");
    predefine("CONNECT", "method", "CONNECT");
    acls.put("manager", new FixedAcl("url_regex", Tri.FALSE));
    acls.put("to_localhost", new FixedAcl("dst", Tri.FALSE));
  }

  private void predefine(String name, String type, String... values) {
    Acl acl = AclFactory.create(type, acls);
    acl.add(java.util.Arrays.stream(values).map(v -> new AclValue(v, "predefined")).toList());
    acls.put(name, acl);
  }

  /** Reads and parses {@code file} and the files it includes, found under {@code root}. */
  static SquidConfig parse(Path file, ConfigRoot root) {
    ConfigFiles files = new ConfigFiles(root, file);
    SquidConfigParser parser = new SquidConfigParser(files);
    for (ConfigLine line : ConfigReader.read(file, files, parser.warnings::add)) {
      parser.accept(line);
    }
    return parser.finish(file);
  }

  private void accept(ConfigLine line) {
    switch (line.directive()) {
      case "acl" -> acl(line);
      case "http_access" -> access(line, httpAccess, Set.of("allow", "deny"));
      case "ssl_bump" -> access(line, sslBump, BUMP_ACTIONS);
      case "http_port", "https_port" -> port(line);
      default -> unmodelled.check(line).ifPresent(warnings::add);
    }
  }

  private void acl(ConfigLine line) {
    List<Token> tokens = line.tokens();
    if (tokens.size() < 3) {
      throw new InputException(line.file(), line.line(), "acl needs a name and a type");
    }
    String name = tokens.get(1).text();
    String type = tokens.get(2).text();
    Acl acl = acls.get(name);
    if (acl == null) {
      acl = AclFactory.create(type, acls);
      acls.put(name, acl);
      aclLines.put(name, line);
    } else if (!acl.type().equals(type)) {
      throw new InputException(
          line.file(),
          line.line(),
          "acl " + name + " is already defined with type " + acl.type() + ", not " + type);
    }
    acl.add(AclFactory.values(line, files));
  }

  private void access(ConfigLine line, List<AccessRule> rules, Set<String> actions) {
    List<Token> tokens = line.tokens();
    if (tokens.size() < 2 || !actions.contains(tokens.get(1).text())) {
      throw new InputException(
          line.file(), line.line(), line.directive() + " needs one of the actions " + actions);
    }
    List<AclRef> refs = new ArrayList<>();
    for (Token token : tokens.subList(2, tokens.size())) {
      refs.add(reference(token.text(), line));
    }
    if (refs.isEmpty()) {
      // Squid skips an access line without acls, with a warning.
      warnings.add(line.where() + ": " + line.directive() + " line without acls is skipped.");
      return;
    }
    rules.add(new AccessRule(tokens.get(1).text(), refs, line));
  }

  private AclRef reference(String text, ConfigLine line) {
    boolean negated = text.startsWith("!");
    String name = negated ? text.substring(1) : text;
    if (!acls.containsKey(name)) {
      throw new InputException(line.file(), line.line(), "acl " + name + " is not defined");
    }
    return new AclRef(name, negated);
  }

  private void port(ConfigLine line) {
    bumpingPort |= line.tokens().stream().anyMatch(t -> t.text().equals("ssl-bump"));
  }

  private SquidConfig finish(Path file) {
    List<AccessRule> bump = bumpingPort ? sslBump : List.of();
    if (!bumpingPort) {
      sslBump.stream()
          .filter(rule -> !TUNNEL_ACTIONS.contains(rule.action()))
          .findFirst()
          .ifPresent(rule -> warnings.add(inactiveBump(rule)));
    }
    return new SquidConfig(file, acls, aclLines, httpAccess, bump, new ArrayList<>(warnings));
  }

  /**
   * Without a port that bumps, Squid tunnels every CONNECT untouched. Rules that splice or peek ask
   * for exactly that, so they are no finding; a rule that would decrypt or close a connection is,
   * because the configuration does not do what it says.
   */
  private static String inactiveBump(AccessRule rule) {
    return rule.line().where()
        + ": ssl_bump "
        + rule.action()
        + " has no effect because no http_port or https_port has the ssl-bump flag; Squid"
        + " tunnels every CONNECT without decrypting it.";
  }
}

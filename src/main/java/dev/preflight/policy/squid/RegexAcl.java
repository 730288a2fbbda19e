package dev.preflight.policy.squid;

import dev.preflight.common.InputException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Regular-expression acls ({@code dstdom_regex}, {@code ssl::server_name_regex}, {@code
 * url_regex}): a value matches when its expression is found anywhere in the subject, as regexec(3)
 * does. {@code -i} makes the following expressions ignore case and {@code +i} restores case, as in
 * Squid.
 */
final class RegexAcl implements Acl {
  private final String type;
  private final Function<SquidRequest, String> subject;
  private final List<Pattern> patterns = new ArrayList<>();
  private final List<AclValue> sources = new ArrayList<>();

  RegexAcl(String type, Function<SquidRequest, String> subject) {
    this.type = type;
    this.subject = subject;
  }

  @Override
  public String type() {
    return type;
  }

  @Override
  public void add(List<AclValue> values) {
    boolean ignoreCase = false;
    for (AclValue value : values) {
      switch (value.text()) {
        case "-i" -> ignoreCase = true;
        case "+i" -> ignoreCase = false;
        default -> compile(value, ignoreCase);
      }
    }
  }

  private void compile(AclValue value, boolean ignoreCase) {
    try {
      patterns.add(Pattern.compile(value.text(), ignoreCase ? Pattern.CASE_INSENSITIVE : 0));
      sources.add(value);
    } catch (PatternSyntaxException e) {
      throw new InputException(
          value.origin(),
          "invalid regular expression '" + value.text() + "': " + e.getDescription());
    }
  }

  @Override
  public Tri match(SquidRequest request) {
    return Tri.of(index(request) >= 0);
  }

  @Override
  public String matchedValue(SquidRequest request) {
    int i = index(request);
    return i < 0 ? "" : sources.get(i).text() + " (" + sources.get(i).origin() + ")";
  }

  private int index(SquidRequest request) {
    String text = subject.apply(request);
    for (int i = 0; i < patterns.size(); i++) {
      if (patterns.get(i).matcher(text).find()) {
        return i;
      }
    }
    return -1;
  }
}

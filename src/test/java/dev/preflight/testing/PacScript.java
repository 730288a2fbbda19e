package dev.preflight.testing;

import org.mozilla.javascript.Context;
import org.mozilla.javascript.Function;
import org.mozilla.javascript.Scriptable;

/**
 * A PAC file loaded into Rhino with the standard helpers it may call ({@code dnsDomainIs}, {@code
 * shExpMatch}, {@code isPlainHostName}, {@code localHostOrDomainIs}, {@code dnsDomainLevels}),
 * written here after the Netscape PAC definition. DNS helpers are deliberately absent: a PAC export
 * must decide on names alone.
 */
public final class PacScript implements AutoCloseable {
  private static final String HELPERS =
      """
      function dnsDomainIs(host, domain) {
        return host.length >= domain.length
            && host.substring(host.length - domain.length) == domain;
      }
      function shExpMatch(str, shexp) {
        var re = shexp.replace(/[.+^${}()|[\\]\\\\]/g, "\\\\$&")
            .replace(/\\*/g, ".*").replace(/\\?/g, ".");
        return new RegExp("^" + re + "$").test(str);
      }
      function isPlainHostName(host) { return host.indexOf(".") < 0; }
      function localHostOrDomainIs(host, hostdom) {
        return host == hostdom || hostdom.lastIndexOf(host + ".", 0) == 0;
      }
      function dnsDomainLevels(host) { return host.split(".").length - 1; }
      """;

  private final Context context;
  private final Scriptable scope;

  public PacScript(String script) {
    context = Context.enter();
    context.setOptimizationLevel(-1);
    scope = context.initStandardObjects();
    context.evaluateString(scope, HELPERS, "pac-helpers.js", 1, null);
    context.evaluateString(scope, script, "export.pac", 1, null);
  }

  /** The result of {@code FindProxyForURL(url, host)}. */
  public String find(String url, String host) {
    Object function = scope.get("FindProxyForURL", scope);
    if (!(function instanceof Function find)) {
      throw new AssertionError("the PAC file defines no FindProxyForURL function");
    }
    return Context.toString(find.call(context, scope, scope, new Object[] {url, host}));
  }

  @Override
  public void close() {
    Context.exit();
  }
}

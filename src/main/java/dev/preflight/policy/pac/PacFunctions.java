package dev.preflight.policy.pac;

import java.util.function.Function;
import org.mozilla.javascript.Context;
import org.mozilla.javascript.LambdaFunction;
import org.mozilla.javascript.ScriptRuntime;
import org.mozilla.javascript.Scriptable;
import org.mozilla.javascript.ScriptableObject;

/**
 * Defines the standard PAC helpers, Netscape's and Microsoft's, as Java functions in a sandbox
 * scope. Each checks the evaluation's budgets before it runs, so a script cannot hide an endless
 * loop or a huge string inside helper calls.
 */
final class PacFunctions {
  /** What {@code getClientVersion()} answers, as WinHTTP does. */
  static final String CLIENT_VERSION = "1.0";

  private final DnsHelpers dns;
  private final TimeHelpers time;
  private final int maxStringLength;

  PacFunctions(PacEnvironment environment) {
    this.dns = new DnsHelpers(environment.resolver(), environment.clientIp());
    this.time = new TimeHelpers(environment.clock());
    this.maxStringLength = environment.limits().stringLength();
  }

  void install(ScriptableObject scope) {
    one(scope, "isPlainHostName", a -> HostHelpers.isPlainHostName(s(a, 0)));
    two(scope, "dnsDomainIs", a -> HostHelpers.dnsDomainIs(s(a, 0), s(a, 1)));
    two(scope, "localHostOrDomainIs", a -> HostHelpers.localHostOrDomainIs(s(a, 0), s(a, 1)));
    one(scope, "dnsDomainLevels", a -> HostHelpers.dnsDomainLevels(s(a, 0)));
    two(scope, "shExpMatch", a -> HostHelpers.shExpMatch(s(a, 0), s(a, 1)));
    one(scope, "convert_addr", a -> HostHelpers.convertAddr(s(a, 0)));
    one(scope, "isResolvable", a -> dns.isResolvable(s(a, 0)));
    one(scope, "dnsResolve", a -> dns.dnsResolve(s(a, 0)));
    define(scope, "isInNet", 3, a -> dns.isInNet(s(a, 0), s(a, 1), s(a, 2)));
    define(scope, "myIpAddress", 0, a -> dns.myIpAddress());
    one(scope, "isResolvableEx", a -> dns.isResolvableEx(s(a, 0)));
    one(scope, "dnsResolveEx", a -> dns.dnsResolveEx(s(a, 0)));
    two(scope, "isInNetEx", a -> dns.isInNetEx(s(a, 0), s(a, 1)));
    define(scope, "myIpAddressEx", 0, a -> dns.myIpAddressEx());
    one(scope, "sortIpAddressList", a -> DnsHelpers.sortIpAddressList(s(a, 0)));
    define(scope, "getClientVersion", 0, a -> CLIENT_VERSION);
    define(scope, "weekdayRange", 3, time::weekdayRange);
    define(scope, "dateRange", 7, time::dateRange);
    define(scope, "timeRange", 7, time::timeRange);
    one(scope, "alert", this::alert);
  }

  private Object alert(Object[] args) {
    CallState state = SandboxContextFactory.current();
    if (state != null) {
      state.alert(s(args, 0));
    }
    return org.mozilla.javascript.Undefined.instance;
  }

  private void one(ScriptableObject scope, String name, Function<Object[], Object> body) {
    define(scope, name, 1, body);
  }

  private void two(ScriptableObject scope, String name, Function<Object[], Object> body) {
    define(scope, name, 2, body);
  }

  private void define(
      ScriptableObject scope, String name, int arity, Function<Object[], Object> body) {
    LambdaFunction function =
        new LambdaFunction(
            scope,
            name,
            arity,
            (Context cx, Scriptable s, Scriptable thisObj, Object[] args) -> {
              CallState state = SandboxContextFactory.current();
              if (state != null) {
                state.check();
              }
              return body.apply(args);
            });
    ScriptableObject.defineProperty(scope, name, function, ScriptableObject.DONTENUM);
  }

  /** Argument {@code i} as a string ("undefined" when missing), refusing oversized strings. */
  private String s(Object[] args, int i) {
    Object value = i < args.length ? args[i] : org.mozilla.javascript.Undefined.instance;
    if (value instanceof CharSequence text
        && BoundedStrings.length(text, maxStringLength) > maxStringLength) {
      CallState state = SandboxContextFactory.current();
      String reason = "passed a string of more than " + maxStringLength + " characters to a helper";
      throw state != null ? state.violation(reason) : new SandboxViolation(reason, 0);
    }
    return ScriptRuntime.toString(value);
  }
}

package dev.preflight.policy.pac;

import dev.preflight.common.InputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.mozilla.javascript.Context;
import org.mozilla.javascript.Function;
import org.mozilla.javascript.RhinoException;
import org.mozilla.javascript.Script;
import org.mozilla.javascript.ScriptableObject;
import org.mozilla.javascript.debug.Debugger;

/**
 * A loaded PAC script, ready to answer {@code FindProxyForURL(url, host)}.
 *
 * <p>The script is untrusted: it runs in Rhino's interpreter with no Java class visible, only the
 * safe standard objects plus the PAC helpers, and within {@link PacLimits} per call. Any breach
 * (endless loop, huge allocation, Java access, syntax error, an exception, a malformed answer) is
 * reported as an {@link InputException} naming the script and line. After a budget breach the
 * engine refuses further calls with the same exception, because the script's state is unknown.
 *
 * <p>When the script defines Microsoft's {@code FindProxyForURLEx}, that function is called
 * instead, as WinHTTP (the Windows component Autopilot uses) does. Calls are serialized; the engine
 * is safe to share between threads.
 */
public final class PacEngine {
  private static final String CLASSIC = "FindProxyForURL";
  private static final String MICROSOFT = "FindProxyForURLEx";

  private static final AtomicBoolean WARM = new AtomicBoolean();
  private static final String WARM_UP =
      """
      function FindProxyForURL(url, host) {
        if (isPlainHostName(host) || shExpMatch(host, "*.local") || dnsDomainIs(host, ".a")) {
          return "DIRECT";
        }
        var parts = url.split("/").join("|").replace(/[|]+/g, ";").toLowerCase();
        if (isInNet(host, "10.0.0.0", "255.0.0.0") || timeRange(0, 23) || weekdayRange("MON")) {
          return "PROXY p:1; DIRECT" + parts.substring(0, 0);
        }
        return "DIRECT";
      }
      FindProxyForURL("https://warm.example/path", "warm.example");
      """;

  private final PacScript script;
  private final PacEnvironment environment;
  private final SandboxContextFactory factory = new SandboxContextFactory();
  private final SandboxRunner runner = new SandboxRunner();
  private final ScriptableObject scope;
  private final String entryPoint;
  private final List<String> loadDnsNames;
  private final List<String> loadAlerts;
  private @Nullable InputException broken;

  private PacEngine(PacScript script, PacEnvironment environment) {
    this.script = script;
    this.environment = environment;
    CallState state = new CallState(environment.limits());
    this.scope = sandboxed(state, "loading the script", () -> initialize(state));
    this.loadDnsNames = state.dnsNames();
    this.loadAlerts = state.alerts();
    // Looked up inside the sandbox: a property getter is script code too.
    CallState lookup = new CallState(environment.limits());
    this.entryPoint = sandboxed(lookup, "looking up FindProxyForURL", () -> findEntryPoint(lookup));
  }

  private String findEntryPoint(CallState state) {
    enter(state);
    state.begin();
    try {
      if (ScriptableObject.getProperty(scope, MICROSOFT) instanceof Function) {
        return MICROSOFT;
      }
      if (ScriptableObject.getProperty(scope, CLASSIC) instanceof Function) {
        return CLASSIC;
      }
      throw new InputException(
          script.sourceName(), "defines no FindProxyForURL(url, host) function");
    } finally {
      Context.exit();
    }
  }

  /**
   * Compiles and runs {@code script}'s top level in the sandbox.
   *
   * @throws InputException naming the script and line on a syntax error, a runtime error, a budget
   *     breach, or when the script defines no {@code FindProxyForURL}
   */
  public static PacEngine load(PacScript script, PacEnvironment environment) {
    Objects.requireNonNull(script, "script");
    Objects.requireNonNull(environment, "environment");
    return new PacEngine(script, environment);
  }

  /** Loads {@code script} with {@link PacEnvironment#defaults()}. */
  public static PacEngine load(PacScript script) {
    return load(script, PacEnvironment.defaults());
  }

  public PacScript script() {
    return script;
  }

  public PacEnvironment environment() {
    return environment;
  }

  /** {@code FindProxyForURLEx} when the script defines it, else {@code FindProxyForURL}. */
  public String entryPoint() {
    return entryPoint;
  }

  /** Messages the script's top level passed to {@code alert()} while it was loaded. */
  public List<String> loadAlerts() {
    return loadAlerts;
  }

  /**
   * Calls the script's entry point for one request and parses its answer.
   *
   * @param url the full request URL, as a client passes it ({@code https://host/path})
   * @param host the host part of {@code url}
   * @throws InputException naming the script and line when the call fails, breaches a budget, or
   *     returns something that is not a PAC proxy list
   */
  public synchronized PacResult findProxy(String url, String host) {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(host, "host");
    if (broken != null) {
      throw broken;
    }
    CallState state = new CallState(environment.limits());
    String call = entryPoint + "(\"" + url + "\", \"" + host + "\")";
    @Nullable String returned = sandboxed(state, call, () -> invoke(state, url, host));
    int line = state.lines.returnLine();
    List<String> dnsNames = new ArrayList<>(loadDnsNames);
    dnsNames.addAll(state.dnsNames());
    return new PacResult(
        returned,
        PacAnswer.routes(returned, script.sourceName(), line, call),
        dnsNames,
        line,
        script.line(line),
        state.alerts());
  }

  /** Evaluates a JavaScript expression in the script's scope; for helper tests only. */
  synchronized @Nullable Object evaluate(String expression) {
    CallState state = new CallState(environment.limits());
    return sandboxed(
        state,
        "evaluating " + expression,
        () -> {
          Context cx = enter(state);
          try {
            state.begin();
            Object value = cx.evaluateString(scope, expression, "<expression>", 1, null);
            return value instanceof CharSequence text ? text.toString() : value;
          } finally {
            Context.exit();
          }
        });
  }

  private ScriptableObject initialize(CallState state) {
    Context cx = enter(state);
    try {
      ScriptableObject global = sandboxScope(cx, environment);
      warmUpOnce(cx);
      // Compiling is linear in the file size (at most InputKind.PAC's 16 MiB) and allocates in
      // proportion to it;
      // the budgets cover what the script does, so a large bypass list is not mistaken for abuse.
      Script compiled = cx.compileString(script.text(), script.sourceName(), 1, null);
      state.begin();
      compiled.exec(cx, global);
      return global;
    } finally {
      Context.exit();
    }
  }

  private static ScriptableObject sandboxScope(Context cx, PacEnvironment environment) {
    ScriptableObject global = cx.initSafeStandardObjects(null, false);
    NativeGuards.install(global, environment.limits());
    new PacFunctions(environment).install(global);
    return global;
  }

  /**
   * Runs a trusted script through the interpreter and the helpers once per JVM, so the class
   * loading of a cold start is not charged to the first untrusted script's one-second budget.
   */
  private void warmUpOnce(Context cx) {
    if (WARM.compareAndSet(false, true)) {
      Object state = cx.getThreadLocal(CallState.KEY);
      Debugger tracker = cx.getDebugger();
      cx.removeThreadLocal(CallState.KEY);
      cx.setDebugger(null, null);
      try {
        // Offline, whatever the script's resolver: warming up must never wait for DNS.
        cx.evaluateString(sandboxScope(cx, PacEnvironment.defaults()), WARM_UP, "warm-up", 1, null);
      } finally {
        cx.putThreadLocal(CallState.KEY, state);
        cx.setDebugger(tracker, null);
      }
    }
  }

  private @Nullable String invoke(CallState state, String url, String host) {
    Context cx = enter(state);
    try {
      Function function = (Function) ScriptableObject.getProperty(scope, entryPoint);
      state.begin();
      Object value = function.call(cx, scope, scope, new Object[] {url, host});
      return PacAnswer.text(value, state);
    } finally {
      Context.exit();
    }
  }

  private Context enter(CallState state) {
    Context cx = factory.enterContext();
    cx.putThreadLocal(CallState.KEY, state);
    cx.setDebugger(state.lines, null);
    return cx;
  }

  private <T> T sandboxed(CallState state, String what, Callable<T> task) {
    try {
      return runner.run(task, state);
    } catch (SandboxRunner.Abandoned e) {
      String lookup = e.pendingLookup;
      throw brokenBy(
          state.lines.currentLine(),
          lookup != null
              ? "the script was still waiting for a DNS answer for "
                  + lookup
                  + " after "
                  + state.limits.dnsTime().toMillis()
                  + " ms while "
                  + what
              : "the script was still running after "
                  + state.limits.wallTime().toMillis()
                  + " ms while "
                  + what);
    } catch (ExecutionException e) {
      throw translate(e.getCause(), state, what);
    }
  }

  private InputException translate(Throwable cause, CallState state, String what) {
    String source = script.sourceName();
    return switch (cause) {
      case SandboxViolation v ->
          brokenBy(v.line(), "the script " + v.getMessage() + " while " + what);
      case RhinoException r ->
          new InputException(source, r.lineNumber(), r.details() + " (while " + what + ")", r);
      case PacAnswer.NotAString r ->
          new InputException(
              source,
              state.lines.returnLine(),
              what + " returned " + r.getMessage() + ", not a string");
      case StackOverflowError s ->
          brokenBy(state.lines.currentLine(), "the script recursed too deeply while " + what);
      case OutOfMemoryError o ->
          brokenBy(state.lines.currentLine(), "the script ran out of memory while " + what);
      case InputException i -> i;
      default ->
          new InputException(
              source,
              state.lines.currentLine(),
              "the script failed while " + what + " (an internal error; --debug shows it)",
              cause);
    };
  }

  private InputException brokenBy(int line, String reason) {
    InputException failure = new InputException(script.sourceName(), line, reason);
    broken = failure;
    return failure;
  }
}

package dev.preflight.policy.pac;

import java.util.List;
import org.mozilla.javascript.Callable;
import org.mozilla.javascript.Context;
import org.mozilla.javascript.LambdaFunction;
import org.mozilla.javascript.ScriptRuntime;
import org.mozilla.javascript.Scriptable;
import org.mozilla.javascript.ScriptableObject;

/**
 * Puts size checks in front of the built-ins that can build a huge string or walk a huge array in
 * one native call, where the instruction observer cannot interrupt them ({@code 'x'.repeat(1e9)},
 * {@code new Array(1e9).join()}), and removes the typed arrays, which allocate their whole length
 * at once. A call over a limit stops the evaluation instead of exhausting the heap.
 */
final class NativeGuards {
  private static final List<String> REMOVED =
      List.of(
          "ArrayBuffer",
          "DataView",
          "Int8Array",
          "Uint8Array",
          "Uint8ClampedArray",
          "Int16Array",
          "Uint16Array",
          "Int32Array",
          "Uint32Array",
          "Float32Array",
          "Float64Array");

  private static final List<String> ARRAY_WALKERS =
      List.of(
          "concat",
          "copyWithin",
          "every",
          "fill",
          "filter",
          "find",
          "findIndex",
          "forEach",
          "includes",
          "indexOf",
          "join",
          "lastIndexOf",
          "map",
          "reduce",
          "reduceRight",
          "reverse",
          "slice",
          "some",
          "sort",
          "splice",
          "toLocaleString",
          "toString",
          "unshift",
          "push",
          "keys",
          "values",
          "entries");

  private final PacLimits limits;

  private NativeGuards(PacLimits limits) {
    this.limits = limits;
  }

  static void install(ScriptableObject scope, PacLimits limits) {
    NativeGuards guards = new NativeGuards(limits);
    REMOVED.forEach(name -> ScriptableObject.deleteProperty(scope, name));
    Scriptable strings = ScriptableObject.getClassPrototype(scope, "String");
    guards.wrap(scope, strings, "repeat", (self, args) -> length(self) * number(args, 0), true);
    guards.wrap(scope, strings, "padStart", (self, args) -> number(args, 0), true);
    guards.wrap(scope, strings, "padEnd", (self, args) -> number(args, 0), true);
    Scriptable arrays = ScriptableObject.getClassPrototype(scope, "Array");
    for (String name : ARRAY_WALKERS) {
      guards.wrap(scope, arrays, name, (self, args) -> length(self), false);
    }
    Scriptable arrayConstructor = (Scriptable) ScriptableObject.getProperty(scope, "Array");
    guards.wrap(scope, arrayConstructor, "from", (self, args) -> argLength(args, 0), false);
    Scriptable functions = ScriptableObject.getClassPrototype(scope, "Function");
    guards.wrap(scope, functions, "apply", (self, args) -> argLength(args, 1), false);
  }

  /** The size a built-in call would produce or walk, computed without running it. */
  private interface Size {
    double of(Scriptable self, Object[] args);
  }

  private void wrap(
      ScriptableObject scope, Scriptable owner, String name, Size size, boolean text) {
    if (!(ScriptableObject.getProperty(owner, name) instanceof Callable original)) {
      return;
    }
    int arity = original instanceof org.mozilla.javascript.BaseFunction f ? f.getArity() : 1;
    LambdaFunction guarded =
        new LambdaFunction(
            scope,
            name,
            arity,
            (Context cx, Scriptable s, Scriptable self, Object[] args) -> {
              check(name, size.of(self, args), text);
              return original.call(cx, s, self, args);
            });
    ScriptableObject.defineProperty(owner, name, guarded, ScriptableObject.DONTENUM);
  }

  private void check(String name, double size, boolean text) {
    long limit = text ? limits.stringLength() : limits.arrayLength();
    if (size > limit) {
      String reason =
          text
              ? "tried to build a string of " + (long) size + " characters with " + name + "()"
              : "tried to walk an array of " + (long) size + " elements with " + name + "()";
      CallState state = SandboxContextFactory.current();
      throw state != null ? state.violation(reason) : new SandboxViolation(reason, 0);
    }
  }

  private static double length(Scriptable self) {
    if (self == null) {
      return 0;
    }
    return ScriptRuntime.toNumber(ScriptableObject.getProperty(self, "length"));
  }

  private static double number(Object[] args, int i) {
    return i < args.length ? ScriptRuntime.toNumber(args[i]) : 0;
  }

  private static double argLength(Object[] args, int i) {
    return i < args.length && args[i] instanceof Scriptable s ? length(s) : 0;
  }
}

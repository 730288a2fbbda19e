package dev.preflight.policy.pac;

import org.jspecify.annotations.Nullable;
import org.mozilla.javascript.Callable;
import org.mozilla.javascript.ConsString;
import org.mozilla.javascript.Context;
import org.mozilla.javascript.ContextFactory;
import org.mozilla.javascript.Scriptable;

/**
 * Makes the Rhino contexts PAC scripts run in: interpreted (so the instruction observer and the
 * line tracker see every step), ES6, no E4X, no Java class visible, bounded interpreter depth.
 */
final class SandboxContextFactory extends ContextFactory {
  /** Instructions between budget checks: small enough to stop a loop within milliseconds. */
  private static final int OBSERVER_THRESHOLD = 10_000;

  private static final int MAX_STACK_DEPTH = 500;

  @Override
  protected boolean hasFeature(Context cx, int featureIndex) {
    return switch (featureIndex) {
      case Context.FEATURE_E4X, Context.FEATURE_ENHANCED_JAVA_ACCESS -> false;
      case Context.FEATURE_LOCATION_INFORMATION_IN_ERROR -> true;
      default -> super.hasFeature(cx, featureIndex);
    };
  }

  @Override
  protected Context makeContext() {
    Context cx = super.makeContext();
    cx.setLanguageVersion(Context.VERSION_ES6);
    // Interpreted mode: compiled scripts bypass the instruction observer and the debugger.
    cx.setOptimizationLevel(-1);
    cx.setInstructionObserverThreshold(OBSERVER_THRESHOLD);
    cx.setMaximumInterpreterStackDepth(MAX_STACK_DEPTH);
    cx.setClassShutter(className -> false);
    cx.setGeneratingDebug(true);
    return cx;
  }

  @Override
  protected void observeInstructionCount(Context cx, int instructionCount) {
    if (cx.getThreadLocal(CallState.KEY) instanceof CallState state) {
      state.charge(instructionCount);
    }
  }

  /**
   * Rhino flattens a concatenated result here before the caller sees it; measure it first, so a
   * doubled-up string of billions of characters is refused instead of allocated.
   */
  @Override
  protected Object doTopCall(
      Callable callable, Context cx, Scriptable scope, Scriptable thisObj, Object[] args) {
    Object result = callable.call(cx, scope, thisObj, args);
    if (result instanceof ConsString text && current() instanceof CallState state) {
      long limit = state.limits.stringLength();
      if (BoundedStrings.length(text, limit) > limit) {
        throw state.violation("returned a string of more than " + limit + " characters");
      }
    }
    return result instanceof ConsString ? result.toString() : result;
  }

  /** The state of the evaluation running on the current thread, or null outside one. */
  static @Nullable CallState current() {
    Context cx = Context.getCurrentContext();
    return cx != null && cx.getThreadLocal(CallState.KEY) instanceof CallState s ? s : null;
  }
}

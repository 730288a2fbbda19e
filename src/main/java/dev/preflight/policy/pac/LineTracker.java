package dev.preflight.policy.pac;

import org.mozilla.javascript.Context;
import org.mozilla.javascript.Scriptable;
import org.mozilla.javascript.debug.DebugFrame;
import org.mozilla.javascript.debug.DebuggableScript;
import org.mozilla.javascript.debug.Debugger;

/**
 * Follows the interpreter line by line for one evaluation: the line running now (for errors such as
 * an endless loop) and the last line the outermost function ran before it returned (the {@code
 * return} that produced the answer). It also runs the budget check before every statement: the
 * instruction observer fires only every few thousand instructions, too rarely to catch a loop that
 * doubles a string in a few dozen steps.
 */
final class LineTracker implements Debugger {
  private final Runnable onStatement;
  private volatile int currentLine;
  private int depth;
  private int outerLine;
  private int returnLine;

  /** {@code onStatement} runs before every statement: the budget check between native calls. */
  LineTracker(Runnable onStatement) {
    this.onStatement = onStatement;
  }

  int currentLine() {
    return currentLine;
  }

  /** The line of the statement that returned from the outermost call, or 0 when unknown. */
  int returnLine() {
    return returnLine;
  }

  @Override
  public void handleCompilationDone(Context cx, DebuggableScript fnOrScript, String source) {}

  @Override
  public DebugFrame getFrame(Context cx, DebuggableScript fnOrScript) {
    return new Frame();
  }

  private final class Frame implements DebugFrame {
    private int level;

    @Override
    public void onEnter(Context cx, Scriptable activation, Scriptable thisObj, Object[] args) {
      level = ++depth;
    }

    @Override
    public void onLineChange(Context cx, int lineNumber) {
      // Check before moving on, so a breach is charged to the statement that caused it.
      onStatement.run();
      currentLine = lineNumber;
      if (level == 1) {
        outerLine = lineNumber;
      }
    }

    @Override
    public void onExceptionThrown(Context cx, Throwable ex) {}

    @Override
    public void onExit(Context cx, boolean byThrow, Object resultOrException) {
      if (level == 1) {
        returnLine = outerLine;
      }
      depth--;
    }

    @Override
    public void onDebuggerStatement(Context cx) {}
  }
}

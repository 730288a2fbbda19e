package dev.preflight.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives lab tests a running {@link Lab}. The lab is brought up once per test run and kept in the
 * root context's store, which closes it (tearing the lab down) when the run ends; every fault is
 * switched off after each test. Without root, or unless the system property {@code preflight.lab}
 * is {@code true} (Maven: {@code -Dlab.tests=true}), the tests are reported as skipped, with the
 * reason, and the lab is never started.
 */
final class LabExtension implements ExecutionCondition, AfterEachCallback, ParameterResolver {
  static final String SKIP_REASON =
      "network lab tests need root and -Dlab.tests=true (see lab/README.md); skipped";

  private static boolean announced;

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    if (Boolean.getBoolean("preflight.lab") && isRoot()) {
      return ConditionEvaluationResult.enabled("network lab tests enabled");
    }
    announceSkip();
    return ConditionEvaluationResult.disabled(SKIP_REASON);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    lab(context).clear();
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == Lab.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return lab(context);
  }

  private static Lab lab(ExtensionContext context) {
    return context
        .getRoot()
        .getStore(ExtensionContext.Namespace.create(LabExtension.class))
        .getOrComputeIfAbsent(Lab.class, type -> Lab.start(repository()), Lab.class);
  }

  private static Path repository() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isRegularFile(dir.resolve("lab/lab.sh"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("lab/lab.sh not found above " + Path.of("").toAbsolutePath());
    }
    return dir;
  }

  private static boolean isRoot() {
    try {
      return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return false;
    }
  }

  private static synchronized void announceSkip() {
    if (!announced) {
      announced = true;
      System.err.println("[preflight] " + SKIP_REASON);
    }
  }
}

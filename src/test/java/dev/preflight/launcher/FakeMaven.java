package dev.preflight.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The project's Maven Wrapper in a sandbox, with a fake Maven where the wrapper keeps its download,
 * so that {@code mvnw} runs without a network and the fake {@code mvn} prints the JAVA_HOME and
 * MAVEN_OPTS it was started with.
 */
final class FakeMaven {
  private static final String PROPERTIES = ".mvn/wrapper/maven-wrapper.properties";

  private FakeMaven() {}

  static void install(LauncherSandbox sandbox, Path mavenUserHome) throws IOException {
    sandbox.copy("mvnw", sandbox.app.resolve("mvnw"));
    sandbox.copy(PROPERTIES, sandbox.app.resolve(PROPERTIES));
    Properties properties = new Properties();
    try (var in = Files.newInputStream(sandbox.app.resolve(PROPERTIES))) {
      properties.load(in);
    }
    String url = properties.getProperty("distributionUrl");
    String name = url.substring(url.lastIndexOf('/') + 1).replaceFirst("\\.zip$", "");
    name = name.replaceFirst("-bin$", "");
    Path mvn = mavenUserHome.resolve("wrapper/dists/" + name + "/" + hash(url) + "/bin/mvn");
    Files.createDirectories(mvn.getParent());
    LauncherSandbox.script(
        mvn, "#!/bin/sh\necho \"mvn $* with JAVA_HOME=$JAVA_HOME MAVEN_OPTS=${MAVEN_OPTS:-}\"\n");
    sandbox.env.put("MAVEN_USER_HOME", mavenUserHome.toString());
  }

  /** The wrapper's folder name for a distribution URL: its {@code hash_string} function. */
  private static String hash(String text) {
    long h = 0;
    for (char c : text.toCharArray()) {
      h = (h * 31 + c) % 4294967296L;
    }
    return Long.toHexString(h);
  }
}

package dev.preflight.policy.squid;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * {@link ProxyClient} as a program, for a proxy in a network namespace the test JVM cannot enter:
 * run there with {@code nsenter}. Arguments: the proxy's address and port. Each line of standard
 * input is {@code REQUEST-LINE<TAB>HOST-HEADER}; each line of output is the decision (allowed,
 * denied, auth) or {@code error: reason}.
 */
final class ProxyClientMain {
  private ProxyClientMain() {}

  public static void main(String[] args) throws IOException {
    String address = args[0];
    int port = Integer.parseInt(args[1]);
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line; (line = in.readLine()) != null; ) {
      String[] parts = line.split("\t", 2);
      try {
        out.println(ProxyClient.send(address, port, parts[0], parts[1]).decision());
      } catch (IOException e) {
        out.println("error: " + e.getMessage());
      }
    }
  }
}

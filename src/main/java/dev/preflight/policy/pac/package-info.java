/**
 * Evaluates proxy auto-config (PAC) scripts offline, in a sandbox: the script is untrusted code.
 *
 * <p>Entry points, all of which report bad input as {@code common.InputException} naming the file
 * (or option) and line:
 *
 * <pre>{@code
 * // --resolve offline|hosts:FILE|system; systemLookup is backed by probe.net (this package has
 * // no sockets): Function<String, List<String>> returning address literals, within its deadline.
 * PacResolver resolver = PacResolver.parse(resolveOption, systemLookup);
 * PacEnvironment env = PacEnvironment.defaults()       // offline, 127.0.0.1, system clock
 *     .withResolver(resolver)
 *     .withClientIp(clientIp);                          // --client-ip; myIpAddress()
 * PacScript script = PacScript.fromFile(path);          // or PacScript.of(urlOrName, text)
 *
 * // analyze: one PolicyDecision per endpoint, warnings() for DNS dependence and alert() calls
 * PolicyEvaluator pac = PacEvaluator.load(script, env);
 * PolicyEvaluator strict = new PacEvaluator(PacEngine.load(script, env),
 *     BlackHoles.defaults().with(List.of("sinkhole.corp:8080")));
 *
 * // check: the route list for one URL
 * PacEngine engine = PacEngine.load(script, env);
 * PacResult result = engine.findProxy(endpoint.target(), endpoint.host());
 * result.routes();        // List<PacRoute>: kind() DIRECT/PROXY/HTTPS/SOCKS/SOCKS4/SOCKS5, host(), port()
 * result.first();         // Optional<PacRoute>, empty when the script returned null or ""
 * result.dependsOnDns();  // a DNS helper looked a name up for this answer
 * result.line();          // the line of the return that answered
 * }</pre>
 *
 * <p>Scripts run in Rhino's interpreter with every Java class hidden, only the safe standard
 * objects and the PAC helpers, within {@link dev.preflight.policy.pac.PacLimits} per call (one
 * second of CPU, a wall-clock ceiling, an instruction and an allocation budget, bounded strings and
 * arrays), on a thread the caller abandons if it overruns. Engines are thread-safe; calls to one
 * engine are serialized. The package depends only on {@code catalog}, {@code common}, {@code
 * policy}, the JDK and Rhino; it opens no sockets and never uses {@code InetAddress}.
 */
package dev.preflight.policy.pac;

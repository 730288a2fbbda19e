/**
 * Evaluates proxy auto-config (PAC) scripts offline, in a sandbox: the script is untrusted code.
 *
 * <p>How to use it:
 *
 * <pre>{@code
 * PacScript script = PacScript.fromFile(Path.of("proxy.pac"));   // or PacScript.of(url, text)
 * PacEnvironment env = PacEnvironment.defaults()                  // offline DNS, 127.0.0.1
 *     .withResolver(PacResolver.parse(resolveOption, systemLookup)) // --resolve
 *     .withClientIp(clientIp);                                      // --client-ip
 * PacEngine engine = PacEngine.load(script, env);                 // InputException if bad
 * PacResult r = engine.findProxy("https://ztd.dds.microsoft.com/", "ztd.dds.microsoft.com");
 * r.routes(); r.first(); r.dependsOnDns(); r.line();
 * PolicyEvaluator pac = new PacEvaluator(engine);                  // or PacEvaluator.load(script, env)
 * }</pre>
 *
 * <p>Scripts run in Rhino's interpreter with no Java class visible, only the safe standard objects
 * and the PAC helpers, within {@link dev.preflight.policy.pac.PacLimits} (about one second, an
 * instruction budget and an allocation budget per call). DNS helpers ask a {@link
 * dev.preflight.policy.pac.PacResolver}; the {@code system} mode takes a lookup function from the
 * caller, so this package opens no sockets and uses no {@code InetAddress}. It depends only on
 * {@code catalog}, {@code common}, {@code policy} and Rhino.
 */
package dev.preflight.policy.pac;

/**
 * The flow from catalog to report, shared by the commands and the monitor: for {@code check}, plan
 * the probes (scenario, TPM, domain, route per endpoint), run them concurrently and judge; for
 * {@code analyze}, run the policy evaluators and judge. It reads no arguments and writes no
 * streams.
 */
package dev.preflight.run;

/**
 * The few types every layer shares: the bad-input exception that carries a file and a line. It
 * depends on nothing of ours and holds no logic; the command line maps its exception to exit code
 * 3.
 */
package dev.preflight.common;

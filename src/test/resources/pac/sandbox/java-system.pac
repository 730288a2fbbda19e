// Tries to reach the JVM.
function FindProxyForURL(url, host) {
  java.lang.System.exit(1);
  return "DIRECT";
}

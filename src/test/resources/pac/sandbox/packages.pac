function FindProxyForURL(url, host) {
  var s = Packages.java.lang.System;
  return "DIRECT";
}

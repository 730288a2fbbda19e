function FindProxyForURL(url, host) {
  var s = "x";
  while (true) {
    s = s + s;
    if (s.indexOf("y") >= 0) return "DIRECT";
  }
}

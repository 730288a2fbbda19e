function FindProxyForURL(url, host) {
  var big = "x".repeat(1e9);
  return "DIRECT";
}

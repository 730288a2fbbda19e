function FindProxyForURL(url, host) {
  var buffer = new ArrayBuffer(1e9);
  return "DIRECT";
}

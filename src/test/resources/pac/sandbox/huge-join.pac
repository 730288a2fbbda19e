function FindProxyForURL(url, host) {
  return new Array(1e9).join("x");
}

function FindProxyForURL(url, host) {
  return undefinedFunction(host);
}

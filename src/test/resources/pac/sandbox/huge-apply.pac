function FindProxyForURL(url, host) {
  return String.fromCharCode.apply(null, new Array(1e8));
}

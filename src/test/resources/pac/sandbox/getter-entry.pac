// The entry point is a getter that never returns: even looking it up runs script code.
Object.defineProperty(this, "FindProxyForURL", {
  get: function() { while (true) {} }
});

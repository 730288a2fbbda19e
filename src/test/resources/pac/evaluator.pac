// Decisions for PacEvaluatorTest: black holes, empty answers, fail-over, DNS-dependent routes.
function FindProxyForURL(url, host) {
  if (dnsDomainIs(host, ".blocked.example")) {
    return "PROXY 127.0.0.1:9";
  }
  if (host == "nothing.example") {
    return null;
  }
  if (host == "empty.example") {
    return "";
  }
  if (dnsDomainIs(host, ".failover.example")) {
    return "PROXY 0.0.0.0:8080; PROXY proxy.corp.example:3128";
  }
  if (host == "sinkhole.example") {
    return "PROXY sinkhole.corp.example:8080";
  }
  if (host == "chatty.example") {
    alert("looking at " + host);
    return "DIRECT";
  }
  if (isResolvable(host)) {
    return "DIRECT";
  }
  return "PROXY proxy.corp.example:3128; DIRECT";
}

// Corporate proxy auto-config: bypass internal names and networks, send Microsoft
// device-management traffic direct, everything else through the proxy chain.
var proxies = "PROXY proxy1.corp.example:8080; PROXY proxy2.corp.example:8080; DIRECT";

var bypass = [
  "*.corp.example",
  "intranet.*",
  "localhost"
];

var directDomains = [
  ".manage.microsoft.com",
  ".dm.microsoft.com",
  "ztd.dds.microsoft.com",
  "cs.dds.microsoft.com"
];

function FindProxyForURL(url, host) {
  host = host.toLowerCase();
  if (isPlainHostName(host)) {
    return "DIRECT";
  }
  for (var i = 0; i < bypass.length; i++) {
    if (shExpMatch(host, bypass[i])) {
      return "DIRECT";
    }
  }
  for (var j = 0; j < directDomains.length; j++) {
    if (dnsDomainIs(host, directDomains[j]) || host == directDomains[j]) {
      return "DIRECT";
    }
  }
  if (shExpMatch(host, "*.blocked.example")) {
    return "PROXY 127.0.0.1:9";
  }
  if (isInNet(host, "10.0.0.0", "255.0.0.0")) {
    return "DIRECT";
  }
  if (url.substring(0, 5) == "http:") {
    return "PROXY proxy1.corp.example:8080";
  }
  return proxies;
}

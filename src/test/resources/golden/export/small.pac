// Windows Autopilot allowlist written by preflight export (scenarios user-driven, self-deploying, pre-provisioning, hybrid-join; TPM intel).
// Listed hosts go DIRECT; everything else goes to PROXY proxy.corp.example:8080.
// The firewall must let these hosts through directly on the ports noted.
// Catalog entries left out, not internet destinations:
//   hybrid-dc-ldap ({dc}): an internal name filled in from --domain (domain controllers): reached on the internal network, not through the internet
//   ncsi-dns (dns.msftncsi.com): a resolver check: the device's DNS server must resolve it; no firewall rule for the host

var PREFLIGHT_DIRECT_HOSTS = [
  "ekop.intel.com", // tcp 443
  "emdl.ws.microsoft.com", // tcp 80
  "enterpriseregistration.windows.net", // tcp 443
  "login.live.com", // tcp 80, 443
  "manage.microsoft.com", // tcp 80, 443
  "swda01-mscdn.manage.microsoft.com", // tcp 443
  "time.windows.com", // udp 123
  "www.msftconnecttest.com", // tcp 80
  "ztd.dds.microsoft.com" // tcp 443
];

// Each wildcard *.example.com is written as .example.com: subdomains only.
var PREFLIGHT_DIRECT_DOMAINS = [
  ".dm.microsoft.com", // tcp 443
  ".emdl.ws.microsoft.com", // tcp 80
  ".manage.microsoft.com", // tcp 80, 443
  ".windowsupdate.com" // tcp 80, 443
];

function FindProxyForURL(url, host) {
  var name = host.toLowerCase();
  if (name.charAt(name.length - 1) == ".") {
    name = name.substring(0, name.length - 1);
  }
  for (var i = 0; i < PREFLIGHT_DIRECT_HOSTS.length; i++) {
    if (name == PREFLIGHT_DIRECT_HOSTS[i]) {
      return "DIRECT";
    }
  }
  for (var j = 0; j < PREFLIGHT_DIRECT_DOMAINS.length; j++) {
    if (dnsDomainIs(name, PREFLIGHT_DIRECT_DOMAINS[j])) {
      return "DIRECT";
    }
  }
  return "PROXY proxy.corp.example:8080";
}

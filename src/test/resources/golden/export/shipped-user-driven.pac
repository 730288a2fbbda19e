// Windows Autopilot allowlist written by preflight export (scenarios user-driven; TPM discrete).
// Listed hosts go DIRECT; everything else goes to PROXY proxy.corp.example:8080.
// The firewall must let these hosts through directly on the ports noted.
// Catalog entries left out, not internet destinations:
//   dns-resolution (www.microsoft.com): a resolver check: the device's DNS server must resolve it; no firewall rule for the host
//   ncsi-dns (dns.msftncsi.com): a resolver check: the device's DNS server must resolve it; no firewall rule for the host

var PREFLIGHT_DIRECT_HOSTS = [
  "account.live.com", // tcp 443
  "activation-v2.sls.microsoft.com", // tcp 443
  "activation.sls.microsoft.com", // tcp 443
  "adl.windows.com", // tcp 80, 443
  "cacerts.digicert.com", // tcp 80
  "cacerts.geotrust.com", // tcp 80
  "caissuers.microsoft.com", // tcp 80
  "cdn.storeedgefd.dsx.mp.microsoft.com", // tcp 443
  "certauth.enterpriseregistration.windows.net", // tcp 80, 443
  "clientconfig.passport.net", // tcp 443
  "config.edge.skype.com", // tcp 443
  "config.office.com", // tcp 443
  "crl.microsoft.com", // tcp 80, 443
  "crl3.digicert.com", // tcp 80
  "crl4.digicert.com", // tcp 80
  "cs.dds.microsoft.com", // tcp 443
  "device.login.microsoftonline.com", // tcp 80, 443
  "displaycatalog.md.mp.microsoft.com", // tcp 443
  "displaycatalog.mp.microsoft.com", // tcp 80, 443
  "ecs.office.com", // tcp 443
  "emdl.ws.microsoft.com", // tcp 80
  "enterpriseregistration.windows.net", // tcp 80, 443
  "go.microsoft.com", // tcp 80, 443
  "graph.microsoft.com", // tcp 80, 443
  "graph.windows.net", // tcp 80, 443
  "has.spserv.microsoft.com", // tcp 443
  "intunemaape1.eus.attest.azure.net", // tcp 443
  "intunemaape10.weu.attest.azure.net", // tcp 443
  "intunemaape11.weu.attest.azure.net", // tcp 443
  "intunemaape12.weu.attest.azure.net", // tcp 443
  "intunemaape13.jpe.attest.azure.net", // tcp 443
  "intunemaape17.jpe.attest.azure.net", // tcp 443
  "intunemaape18.jpe.attest.azure.net", // tcp 443
  "intunemaape19.jpe.attest.azure.net", // tcp 443
  "intunemaape2.eus2.attest.azure.net", // tcp 443
  "intunemaape3.cus.attest.azure.net", // tcp 443
  "intunemaape4.wus.attest.azure.net", // tcp 443
  "intunemaape5.scus.attest.azure.net", // tcp 443
  "intunemaape6.ncus.attest.azure.net", // tcp 443
  "intunemaape7.neu.attest.azure.net", // tcp 443
  "intunemaape8.neu.attest.azure.net", // tcp 443
  "intunemaape9.neu.attest.azure.net", // tcp 443
  "lgmsapeaus.blob.core.windows.net", // tcp 443
  "lgmsapeind.blob.core.windows.net", // tcp 443
  "lgmsapesea.blob.core.windows.net", // tcp 443
  "lgmsapeweu.blob.core.windows.net", // tcp 443
  "lgmsapewus2.blob.core.windows.net", // tcp 443
  "licensing.md.mp.microsoft.com", // tcp 443
  "licensing.mp.microsoft.com", // tcp 80, 443
  "login.live.com", // tcp 443
  "login.microsoft.com", // tcp 80, 443
  "login.microsoftonline.com", // tcp 80, 443
  "login.windows.net", // tcp 80, 443
  "manage.microsoft.com", // tcp 80, 443
  "ocsp.digicert.com", // tcp 80
  "officecdn.microsoft.com", // tcp 80, 443
  "officeclient.microsoft.com", // tcp 443
  "oneocsp.microsoft.com", // tcp 80
  "purchase.md.mp.microsoft.com", // tcp 80, 443
  "purchase.mp.microsoft.com", // tcp 443
  "settings-win.data.microsoft.com", // tcp 443
  "storeedgefd.dsx.mp.microsoft.com", // tcp 80, 443
  "time.windows.com", // udp 123
  "tsfe.trafficshaping.dsp.mp.microsoft.com", // tcp 80, 443
  "validation-v2.sls.microsoft.com", // tcp 443
  "validation.sls.microsoft.com", // tcp 443
  "windowsphone.com", // tcp 443
  "www.microsoft.com", // tcp 80
  "ztd.dds.microsoft.com" // tcp 443
];

// Each wildcard *.example.com is written as .example.com: subdomains only.
var PREFLIGHT_DIRECT_DOMAINS = [
  ".cdn.office.net", // tcp 443
  ".delivery.mp.microsoft.com", // tcp 80, 443
  ".dm.microsoft.com", // tcp 80, 443
  ".do.dsp.mp.microsoft.com", // tcp 80, 443
  ".emdl.ws.microsoft.com", // tcp 80
  ".events.data.microsoft.com", // tcp 80, 443
  ".manage.microsoft.com", // tcp 80, 443
  ".msauth.net", // tcp 80, 443
  ".msftauth.net", // tcp 80, 443
  ".msftconnecttest.com", // tcp 80
  ".notify.windows.com", // tcp 443
  ".s-microsoft.com", // tcp 443
  ".update.microsoft.com", // tcp 80, 443
  ".windowsupdate.com", // tcp 80, 443
  ".wns.windows.com" // tcp 80, 443
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

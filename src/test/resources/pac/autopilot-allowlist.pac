// Locked-down build network: only the Autopilot and Intune names may leave, through the proxy;
// everything else goes to a black hole, a common way to "block" in a PAC file.
var allowed = [
  "*.microsoft.com",
  "*.microsoftonline.com",
  "login.live.com",
  "*.windowsupdate.com",
  "*.manage.microsoft.com"
];

function FindProxyForURL(url, host) {
  for (var i = 0; i < allowed.length; i++) {
    if (shExpMatch(host, allowed[i])) {
      return "PROXY egress.build.example:8080";
    }
  }
  if (weekdayRange("SAT", "SUN") && timeRange(22, 6)) {
    return "DIRECT";
  }
  return "PROXY 0.0.0.0:3128";
}

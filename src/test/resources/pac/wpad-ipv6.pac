// WPAD script for a dual-stack campus, written against Microsoft's IPv6 extensions.
// Clients in the lab prefixes go direct; the rest use the regional proxy for their site.
function FindProxyForURLEx(url, host) {
  var lan = "2001:db8:100::/48";
  var mine = myIpAddressEx().split(";");
  if (isPlainHostName(host) || dnsDomainIs(host, ".campus.example")) {
    return "DIRECT";
  }
  if (isInNetEx(host, "10.0.0.0/8") || isInNetEx(host, lan)) {
    return "DIRECT";
  }
  for (var i = 0; i < mine.length; i++) {
    if (isInNetEx(mine[i], "198.18.16.0/20")) {
      return "HTTPS proxy-north.campus.example:443; PROXY proxy-north.campus.example:3128";
    }
  }
  if (getClientVersion() == "1.0" && sortIpAddressList(dnsResolveEx(host)) != "") {
    return "SOCKS5 socks.campus.example:1080; DIRECT";
  }
  return "PROXY proxy-south.campus.example:3128";
}

var spin = 0;
for (;;) { spin++; }
function FindProxyForURL(url, host) { return "DIRECT"; }

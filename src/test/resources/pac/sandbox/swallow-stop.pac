function FindProxyForURL(url, host) {
  try {
    while (true) {}
  } catch (e) {
    return "DIRECT";
  } finally {
    return "DIRECT";
  }
}

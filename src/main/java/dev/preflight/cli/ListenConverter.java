package dev.preflight.cli;

import java.net.InetSocketAddress;
import picocli.CommandLine.ITypeConverter;

/**
 * Parses serve's {@code --listen ADDR[:PORT]}: an IP address and a port (default 9464; 0 lets the
 * system choose), such as {@code 127.0.0.1:9464}, {@code 0.0.0.0:9464} or {@code [::]:9464}. Only
 * addresses, as for {@code --dns-server}: binding never waits on a name lookup.
 */
public final class ListenConverter implements ITypeConverter<InetSocketAddress> {
  static final int DEFAULT_PORT = 9464;

  @Override
  public InetSocketAddress convert(String value) {
    return HostPortConverter.parse(value, DEFAULT_PORT, 0);
  }
}

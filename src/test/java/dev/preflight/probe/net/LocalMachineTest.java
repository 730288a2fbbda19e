package dev.preflight.probe.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.common.IpAddress;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The machine's facts, read from this machine without sending a packet: the interface a route
 * leaves through (loopback's own, for a loopback destination), the addresses without loopback, and
 * the kernel's host name.
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class LocalMachineTest {
  @Test
  void aLoopbackDestinationLeavesThroughTheLoopbackInterface() {
    assertThat(LocalMachine.interfaceTowards(IpAddress.parse("127.0.0.1"))).isEqualTo("lo");
  }

  @Test
  void theAddressesLeaveOutLoopbackAndLinkLocal() {
    assertThat(LocalMachine.interfaceAddresses())
        .noneMatch(a -> a.startsWith("127.") || a.equals("::1") || a.startsWith("fe80:"));
  }

  @Test
  void theHostNameIsTheKernels() throws Exception {
    String kernel =
        java.nio.file.Files.readString(java.nio.file.Path.of("/proc/sys/kernel/hostname")).strip();

    assertThat(LocalMachine.hostName()).isEqualTo(kernel);
    assertThat(LocalMachine.inspect().name()).isEqualTo(kernel);
  }
}

package dev.preflight.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.testing.SquidParse;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The exported squid fragment passes the real {@code squid -k parse}. */
@Timeout(60)
class SquidFragmentParseTest {
  @TempDir Path dir;

  @Test
  void smallCatalogFragmentParsesCleanly() throws IOException {
    String fragment =
        ExportGoldenTest.render(ExportFormat.SQUID, ExportGoldenTest.smallAllowlist());
    SquidParse.assertClean(SquidParse.parseFragment(dir, fragment));
  }

  @Test
  void harnessSeesSquidRejectADomainNextToItsApex() {
    SquidParse.Result result =
        SquidParse.parseFragment(
            dir, "acl preflight_dst_443 dstdomain .manage.microsoft.com manage.microsoft.com\n");
    assertThat(result.exitCode()).isNotZero();
    assertThat(result.output()).contains("manage.microsoft.com");
  }
}

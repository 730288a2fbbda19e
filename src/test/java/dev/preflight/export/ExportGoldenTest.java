package dev.preflight.export;

import dev.preflight.catalog.Scenario;
import dev.preflight.catalog.Tpm;
import dev.preflight.common.HostPort;
import dev.preflight.testing.Golden;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@Timeout(60)
class ExportGoldenTest {
  static Allowlist smallAllowlist() {
    return AllowlistBuilder.build(
        SmallCatalog.catalog().select(SmallCatalog.ALL, Tpm.INTEL),
        List.of(Scenario.values()),
        Tpm.INTEL);
  }

  static String render(ExportFormat format, Allowlist allowlist) throws IOException {
    StringWriter out = new StringWriter();
    format
        .renderer(new HostPort("proxy.corp.example", 8080), WildcardStyle.STAR)
        .render(allowlist, out);
    return out.toString();
  }

  @ParameterizedTest
  @EnumSource(ExportFormat.class)
  void smallCatalogMatchesGoldenFile(ExportFormat format) throws IOException {
    Golden.assertMatches("export/small." + format.id(), render(format, smallAllowlist()));
  }
}

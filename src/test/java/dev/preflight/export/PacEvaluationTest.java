package dev.preflight.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.testing.PacScript;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The exported PAC file, run by Rhino, sends listed hosts DIRECT and the rest to the proxy. */
@Timeout(60)
class PacEvaluationTest {
  private static PacScript pac() throws IOException {
    return new PacScript(
        ExportGoldenTest.render(ExportFormat.PAC, ExportGoldenTest.smallAllowlist()));
  }

  @Test
  void everyListedHostAndASubdomainOfEveryWildcardGoesDirect() throws IOException {
    try (PacScript pac = pac()) {
      for (AllowlistEntry entry : ExportGoldenTest.smallAllowlist().entries()) {
        String host = entry.wildcard() ? "preflight-probe." + entry.domain() : entry.pattern();
        assertThat(pac.find("https://" + host + "/", host)).as(host).isEqualTo("DIRECT");
      }
    }
  }

  @Test
  void everyCatalogStandInHostGoesDirect() throws IOException {
    try (PacScript pac = pac()) {
      assertThat(
              pac.find(
                  "https://enterpriseenrollment.manage.microsoft.com/",
                  "EnterpriseEnrollment.manage.microsoft.com"))
          .isEqualTo("DIRECT");
      assertThat(pac.find("http://ctldl.windowsupdate.com/", "ctldl.windowsupdate.com"))
          .isEqualTo("DIRECT");
      assertThat(
              pac.find("http://a.b.download.windowsupdate.com/", "a.b.download.windowsupdate.com"))
          .isEqualTo("DIRECT");
    }
  }

  @Test
  void hostOutsideTheListGoesToTheProxy() throws IOException {
    try (PacScript pac = pac()) {
      assertThat(pac.find("https://www.example.org/", "www.example.org"))
          .isEqualTo("PROXY proxy.corp.example:8080");
    }
  }

  @Test
  void wildcardDoesNotMatchItsApexOrALookAlikeSuffix() throws IOException {
    try (PacScript pac = pac()) {
      assertThat(pac.find("https://dm.microsoft.com/", "dm.microsoft.com"))
          .isEqualTo("PROXY proxy.corp.example:8080");
      assertThat(pac.find("https://evildm.microsoft.com/", "evildm.microsoft.com"))
          .isEqualTo("PROXY proxy.corp.example:8080");
      assertThat(
              pac.find(
                  "https://ztd.dds.microsoft.com.example.org/",
                  "ztd.dds.microsoft.com.example.org"))
          .isEqualTo("PROXY proxy.corp.example:8080");
    }
  }

  @Test
  void trailingDotAndCaseDoNotMatter() throws IOException {
    try (PacScript pac = pac()) {
      assertThat(pac.find("https://ZTD.dds.microsoft.com./", "ZTD.dds.microsoft.com."))
          .isEqualTo("DIRECT");
    }
  }

  @Test
  void withoutProxyEverythingElseGoesDirectToo() throws IOException {
    java.io.StringWriter out = new java.io.StringWriter();
    ExportFormat.PAC
        .renderer(null, WildcardStyle.STAR)
        .render(ExportGoldenTest.smallAllowlist(), out);
    try (PacScript pac = new PacScript(out.toString())) {
      assertThat(pac.find("https://www.example.org/", "www.example.org")).isEqualTo("DIRECT");
    }
  }
}

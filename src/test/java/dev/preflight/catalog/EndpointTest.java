package dev.preflight.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class EndpointTest {
  private static final Source SOURCE = new Source("test", "2026-12-02");

  @Test
  void aBuilderStartsAsAPlainEntry() {
    Endpoint plain =
        Endpoint.builder("ztd", "autopilot", "ztd.example", Protocol.HTTPS, List.of(443), SOURCE)
            .build();

    assertThat(plain)
        .isEqualTo(
            new Endpoint(
                "ztd",
                "autopilot",
                "ztd.example",
                null,
                Protocol.HTTPS,
                List.of(443),
                null,
                Impact.BLOCKING,
                EnumSet.allOf(Scenario.class),
                Set.of(),
                false,
                List.of(),
                Expectation.NONE,
                SOURCE,
                null,
                false));
  }

  @Test
  void toBuilderCarriesEveryField() {
    Endpoint wide = wideEntry();

    assertThat(wide.toBuilder().build()).isEqualTo(wide);
    assertThat(wide.toBuilder().path("/other").build())
        .isEqualTo(
            new Endpoint(
                wide.id(),
                wide.service(),
                wide.host(),
                wide.wildcard(),
                wide.protocol(),
                wide.ports(),
                "/other",
                wide.impact(),
                wide.scenarios(),
                wide.tpms(),
                wide.inspectionUnsupported(),
                wide.roots(),
                wide.expect(),
                wide.source(),
                wide.note(),
                wide.standIn()));
  }

  @Test
  void aPlaceholderIsFilledInHostAndWildcardAndNothingElseChanges() {
    Endpoint wide = wideEntry().toBuilder().host("dc.{domain}").wildcard("*.{domain}").build();

    Endpoint filled = wide.withPlaceholder("{domain}", "corp.example");

    assertThat(filled.host()).isEqualTo("dc.corp.example");
    assertThat(filled.wildcard()).isEqualTo("*.corp.example");
    assertThat(filled.toBuilder().host(wide.host()).wildcard(wide.wildcard()).build())
        .isEqualTo(wide);
  }

  @Test
  void buildChecksAsTheRecordDoes() {
    Endpoint.Builder noPorts =
        Endpoint.builder("x", "s", "x.example", Protocol.HTTPS, List.of(), SOURCE);

    assertThatThrownBy(noPorts::build)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ports must not be empty: x");
  }

  private static Endpoint wideEntry() {
    return Endpoint.builder("ekop", "tpm", "ekop.example", Protocol.HTTP, List.of(8080, 80), SOURCE)
        .wildcard("*.ekop.example")
        .path("/ek")
        .impact(Impact.DEGRADED)
        .scenarios(Set.of(Scenario.USER_DRIVEN))
        .tpms(Set.of(Tpm.INTEL))
        .inspectionUnsupported(true)
        .roots(List.of("Root A"))
        .expect(new Expectation(null, null, null, true))
        .note("a note")
        .standIn(true)
        .build();
  }
}

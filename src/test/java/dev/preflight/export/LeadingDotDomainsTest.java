package dev.preflight.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class LeadingDotDomainsTest {
  @Test
  void wildcardBecomesLeadingDotAndSwallowsItsApex() {
    assertThat(LeadingDotDomains.values(List.of("example.com", "*.example.com")))
        .containsExactly(".example.com");
  }

  @Test
  void hostsAndNarrowerDomainsBelowALeadingDotAreDropped() {
    assertThat(
            LeadingDotDomains.values(
                List.of("*.example.com", "a.example.com", "*.b.example.com", "other.com")))
        .containsExactly(".example.com", "other.com");
  }

  @Test
  void similarSuffixWithoutADotBoundaryIsKept() {
    assertThat(LeadingDotDomains.values(List.of("*.example.com", "badexample.com")))
        .containsExactly("badexample.com", ".example.com");
  }

  @Test
  void exactHostsAloneStayExact() {
    assertThat(LeadingDotDomains.values(List.of("b.example.com", "a.example.com")))
        .containsExactly("a.example.com", "b.example.com");
  }
}

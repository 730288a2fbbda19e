package dev.preflight.export;

import dev.preflight.catalog.Catalog;
import dev.preflight.catalog.Endpoint;
import dev.preflight.catalog.Expectation;
import dev.preflight.catalog.Impact;
import dev.preflight.catalog.Protocol;
import dev.preflight.catalog.Scenario;
import dev.preflight.catalog.Service;
import dev.preflight.catalog.Source;
import dev.preflight.catalog.Tpm;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A small fixed catalog that exercises every export rule: duplicates across services, an apex next
 * to its wildcard, hosts and wildcards below a wildcard (folded or not), a zone-level check, UDP, a
 * DNS check, a domain-controller placeholder and a TPM-specific host.
 */
final class SmallCatalog {
  static final Source SOURCE = new Source("test fixture", "2026-11-26");
  static final Set<Scenario> ALL = EnumSet.allOf(Scenario.class);
  static final Set<Scenario> CLOUD =
      EnumSet.of(Scenario.USER_DRIVEN, Scenario.SELF_DEPLOYING, Scenario.PRE_PROVISIONING);

  private SmallCatalog() {}

  static Catalog catalog() {
    List<Service> services =
        List.of(
            new Service("autopilot", "Autopilot", "no profile"),
            new Service("intune", "Intune", "no enrollment"),
            new Service("update", "Windows Update", "no updates"),
            new Service("ntp", "Time", "clock skew"),
            new Service("ncsi", "NCSI", "offline"),
            new Service("hybrid", "Hybrid join", "no domain join"),
            new Service("tpm", "TPM attestation", "no attestation"));
    List<Endpoint> endpoints =
        List.of(
            https("ztd", "autopilot", "ztd.dds.microsoft.com", null, List.of(443), Impact.BLOCKING),
            https(
                "live-autopilot",
                "autopilot",
                "login.live.com",
                null,
                List.of(443),
                Impact.BLOCKING),
            https(
                "live-intune", "intune", "login.live.com", null, List.of(443, 80), Impact.BLOCKING),
            noInspection(
                https(
                    "intune-apex",
                    "intune",
                    "manage.microsoft.com",
                    null,
                    List.of(443, 80),
                    Impact.BLOCKING)),
            noInspection(
                https(
                    "intune-any",
                    "intune",
                    "EnterpriseEnrollment.manage.microsoft.com",
                    "*.manage.microsoft.com",
                    List.of(443, 80),
                    Impact.BLOCKING)),
            noInspection(
                https(
                    "intune-enroll",
                    "intune",
                    "EnterpriseEnrollment.manage.microsoft.com",
                    null,
                    List.of(443),
                    Impact.BLOCKING)),
            https(
                "win32-cdn",
                "intune",
                "swda01-mscdn.manage.microsoft.com",
                null,
                List.of(443),
                Impact.DEGRADED),
            zone(
                noInspection(
                    https(
                        "intune-dm",
                        "intune",
                        "dm.microsoft.com",
                        "*.dm.microsoft.com",
                        List.of(443),
                        Impact.BLOCKING))),
            endpoint(
                "wu-any",
                "update",
                "ctldl.windowsupdate.com",
                "*.windowsupdate.com",
                Protocol.HTTP,
                List.of(80, 443),
                Impact.DEGRADED,
                ALL,
                Set.of()),
            endpoint(
                "wu-download",
                "update",
                "download.windowsupdate.com",
                "*.download.windowsupdate.com",
                Protocol.HTTP,
                List.of(80),
                Impact.DEGRADED,
                ALL,
                Set.of()),
            endpoint(
                "do-emdl",
                "update",
                "emdl.ws.microsoft.com",
                "*.emdl.ws.microsoft.com",
                Protocol.HTTP,
                List.of(80),
                Impact.DEGRADED,
                ALL,
                Set.of()),
            endpoint(
                "ntp",
                "ntp",
                "time.windows.com",
                null,
                Protocol.NTP,
                List.of(123),
                Impact.BLOCKING,
                ALL,
                Set.of()),
            endpoint(
                "ncsi-dns",
                "ncsi",
                "dns.msftncsi.com",
                null,
                Protocol.DNS,
                List.of(53),
                Impact.BLOCKING,
                ALL,
                Set.of()),
            endpoint(
                "ncsi-web",
                "ncsi",
                "www.msftconnecttest.com",
                null,
                Protocol.HTTP,
                List.of(80),
                Impact.BLOCKING,
                ALL,
                Set.of()),
            endpoint(
                "hybrid-dc-ldap",
                "hybrid",
                "{dc}",
                null,
                Protocol.LDAP,
                List.of(389),
                Impact.BLOCKING,
                EnumSet.of(Scenario.HYBRID_JOIN),
                Set.of()),
            endpoint(
                "hybrid-registration",
                "hybrid",
                "enterpriseregistration.windows.net",
                null,
                Protocol.HTTPS,
                List.of(443),
                Impact.BLOCKING,
                EnumSet.of(Scenario.HYBRID_JOIN),
                Set.of()),
            endpoint(
                "tpm-intel",
                "tpm",
                "ekop.intel.com",
                null,
                Protocol.HTTPS,
                List.of(443),
                Impact.BLOCKING,
                EnumSet.of(Scenario.SELF_DEPLOYING, Scenario.PRE_PROVISIONING),
                Set.of(Tpm.INTEL)));
    return new Catalog(services, endpoints, Map.of());
  }

  static Endpoint https(
      String id,
      String service,
      String host,
      @Nullable String wildcard,
      List<Integer> ports,
      Impact impact) {
    return endpoint(id, service, host, wildcard, Protocol.HTTPS, ports, impact, CLOUD, Set.of());
  }

  static Endpoint endpoint(
      String id,
      String service,
      String host,
      @Nullable String wildcard,
      Protocol protocol,
      List<Integer> ports,
      Impact impact,
      Set<Scenario> scenarios,
      Set<Tpm> tpms) {
    return Endpoint.builder(id, service, host, protocol, ports, SOURCE)
        .wildcard(wildcard)
        .impact(impact)
        .scenarios(scenarios)
        .tpms(tpms)
        .build();
  }

  static Endpoint noInspection(Endpoint e) {
    return e.toBuilder().inspectionUnsupported(true).build();
  }

  static Endpoint zone(Endpoint e) {
    return e.toBuilder().expect(new Expectation(null, null, null, true)).build();
  }
}

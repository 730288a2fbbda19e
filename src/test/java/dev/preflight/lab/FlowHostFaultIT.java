package dev.preflight.lab;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A firewall that rejects the enrollment flow's own hosts: every host the catalog probes for MDM
 * discovery, the terms of use, the enrollment aliases, the Intune Management Extension and Win32
 * content is named with its cause. One run faults them all, to keep the lab time short.
 */
@Tag("lab")
@ExtendWith(LabExtension.class)
@Timeout(300)
class FlowHostFaultIT {
  static final List<String> FLOW_HOSTS =
      List.of(
          "enrollment.manage.microsoft.com",
          "portal.manage.microsoft.com",
          "enterpriseenrollment-s.manage.microsoft.com",
          "enterpriseenrollment.manage.microsoft.com",
          "imeswda-afd-secondary.manage.microsoft.com",
          "imeswda-afd-hotfix.manage.microsoft.com",
          "imeswdb-afd-primary.manage.microsoft.com",
          "imeswdb-afd-secondary.manage.microsoft.com",
          "imeswdb-afd-hotfix.manage.microsoft.com",
          "imeswdc-afd-primary.manage.microsoft.com",
          "imeswdc-afd-secondary.manage.microsoft.com",
          "imeswdc-afd-hotfix.manage.microsoft.com",
          "swda02-mscdn.manage.microsoft.com",
          "swdb01-mscdn.manage.microsoft.com",
          "swdb02-mscdn.manage.microsoft.com",
          "swdc01-mscdn.manage.microsoft.com",
          "swdc02-mscdn.manage.microsoft.com",
          "swdd01-mscdn.manage.microsoft.com",
          "swdd02-mscdn.manage.microsoft.com",
          "swdin01-mscdn.manage.microsoft.com",
          "swdin02-mscdn.manage.microsoft.com",
          "login.microsoftonline.com",
          "enterpriseregistration.windows.net");

  private final Lab lab;
  private final Preflight preflight;

  FlowHostFaultIT(Lab lab) {
    this.lab = lab;
    this.preflight = new Preflight(lab);
  }

  @Test
  void everyRejectedFlowHostIsNamedWithTcpRefused() {
    lab.fault("tcp-reset", FLOW_HOSTS.toArray(String[]::new));

    CheckRun run = preflight.check();

    for (String host : FLOW_HOSTS) {
      run.assertFails(host, "https", "TCP_REFUSED");
    }
    // dnsmasq's address=/NAME/ answers for every name below NAME too, so these fall with them.
    List<String> below =
        List.of("device.login.microsoftonline.com", "certauth.enterpriseregistration.windows.net");
    below.forEach(host -> run.assertFails(host, "https", "TCP_REFUSED"));
    List<String> victims = new java.util.ArrayList<>(FLOW_HOSTS);
    victims.addAll(below);
    run.assertOthersPass(victims.toArray(String[]::new)).assertVerdict("BLOCKED", 2);
  }
}

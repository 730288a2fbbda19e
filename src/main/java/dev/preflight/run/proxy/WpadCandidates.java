package dev.preflight.run.proxy;

import dev.preflight.probe.net.DnsSuffixes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The URLs WPAD discovery tries, in the order a Windows device tries them: the URL DHCP handed an
 * interface (option 252), then {@code http://wpad.<domain>/wpad.dat} for the DNS suffix and each
 * parent domain of it, one label shorter at a time, down to two labels (draft-ietf-wrec-wpad-01,
 * "DNS A record lookup"). The walk never reaches a top-level domain: {@code wpad.com} or {@code
 * wpad.corp} is a name someone outside the organisation may own, and asking it hands that owner the
 * device's proxy; Windows' DNS devolution stops at two labels for the same reason. A single-label
 * suffix therefore yields no DNS candidate.
 */
public final class WpadCandidates {
  /** More candidates than this are not asked: each costs a lookup. */
  public static final int MAX = 16;

  private WpadCandidates() {}

  /**
   * The candidates for {@code dhcp} URLs and {@code suffixes} (already in ASCII form), in order.
   */
  public static List<WpadCandidate> of(List<DhcpWpad> dhcp, DnsSuffixes suffixes) {
    Map<String, WpadCandidate> candidates = new LinkedHashMap<>();
    for (DhcpWpad offered : dhcp) {
      String via = "DHCP option 252 on " + offered.interfaceName();
      candidates.putIfAbsent(offered.url(), new WpadCandidate(offered.url(), via, true));
    }
    for (String suffix : suffixes.suffixes()) {
      for (String domain : levels(suffix)) {
        String url = "http://wpad." + domain + "/wpad.dat";
        candidates.putIfAbsent(url, new WpadCandidate(url, "DNS suffix " + suffix, false));
      }
    }
    return new ArrayList<>(candidates.values()).stream().limit(MAX).toList();
  }

  /** {@code a.b.corp.example}, {@code b.corp.example}, {@code corp.example}: two labels or more. */
  static List<String> levels(String suffix) {
    String[] labels = suffix.split("\\.");
    List<String> domains = new ArrayList<>();
    for (int first = 0; labels.length - first >= 2; first++) {
      domains.add(String.join(".", java.util.Arrays.copyOfRange(labels, first, labels.length)));
    }
    return domains;
  }
}

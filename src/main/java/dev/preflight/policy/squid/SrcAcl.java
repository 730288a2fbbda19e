package dev.preflight.policy.squid;

import dev.preflight.common.InputException;
import dev.preflight.common.IpAddress;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code src}: the client address (from {@code --client-ip}) against addresses, CIDR blocks ({@code
 * /24} or {@code /255.255.255.0}), ranges ({@code a-b}) and {@code all}. Without a client address
 * the answer is UNKNOWN unless the acl matches every address.
 */
final class SrcAcl implements Acl {
  private record Range(int bits, BigInteger low, BigInteger high) {}

  private final List<Range> ranges = new ArrayList<>();
  private boolean matchesAll;
  private boolean hasNames;

  @Override
  public String type() {
    return "src";
  }

  @Override
  public void add(List<AclValue> values) {
    for (AclValue value : values) {
      String text = value.text();
      if (text.equals("all")) {
        matchesAll = true;
      } else if (Character.isLetter(text.charAt(0)) && !text.contains(":")) {
        // Squid resolves host names in src acls when it starts; offline, they stay unknown.
        hasNames = true;
      } else {
        Range range = parse(value);
        matchesAll |= range.low().signum() == 0 && range.high().bitLength() == range.bits();
        ranges.add(range);
      }
    }
  }

  private static Range parse(AclValue value) {
    String text = value.text();
    int slash = text.indexOf('/');
    String addresses = slash < 0 ? text : text.substring(0, slash);
    String mask = slash < 0 ? null : text.substring(slash + 1);
    int dash = addresses.indexOf('-');
    IpAddress low = address(dash < 0 ? addresses : addresses.substring(0, dash), value);
    IpAddress high = dash < 0 ? low : address(addresses.substring(dash + 1), value);
    int prefix = mask == null ? low.bits() : prefix(mask, low, value);
    BigInteger hostBits = BigInteger.ONE.shiftLeft(low.bits() - prefix).subtract(BigInteger.ONE);
    return new Range(low.bits(), value(low).andNot(hostBits), value(high).or(hostBits));
  }

  private static IpAddress address(String text, AclValue value) {
    return IpAddress.tryParse(text)
        .orElseThrow(
            () -> new InputException(value.origin(), "invalid address '" + value.text() + "'"));
  }

  private static int prefix(String mask, IpAddress address, AclValue value) {
    try {
      if (mask.contains(".")) {
        IpAddress bits =
            IpAddress.tryParse(mask)
                .filter(a -> a.family() == IpAddress.Family.IPV4)
                .orElseThrow(NumberFormatException::new);
        return value(bits).bitCount();
      }
      int prefix = Integer.parseInt(mask);
      if (prefix < 0 || prefix > address.bits()) {
        throw new NumberFormatException();
      }
      return prefix;
    } catch (NumberFormatException e) {
      throw new InputException(value.origin(), "invalid netmask in '" + value.text() + "'");
    }
  }

  @Override
  public Tri match(SquidRequest request) {
    if (matchesAll) {
      return Tri.TRUE;
    }
    Optional<IpAddress> client = request.clientIp();
    if (client.isEmpty()) {
      return Tri.UNKNOWN;
    }
    IpAddress ip = client.get();
    boolean hit =
        ranges.stream()
            .anyMatch(
                r ->
                    r.bits() == ip.bits()
                        && r.low().compareTo(value(ip)) <= 0
                        && value(ip).compareTo(r.high()) <= 0);
    return hit ? Tri.TRUE : hasNames ? Tri.UNKNOWN : Tri.FALSE;
  }

  private static BigInteger value(IpAddress address) {
    return new BigInteger(1, address.bytes());
  }
}

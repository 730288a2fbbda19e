package dev.preflight.policy.squid;

import java.util.List;

/**
 * {@code dstdomain} and {@code ssl::server_name}: the destination host against a {@link DomainSet}.
 * For a CONNECT request Squid's server name is the CONNECT host at every SslBump step this model
 * evaluates (the SNI and certificate of a genuine Microsoft endpoint carry that name).
 */
final class DomainAcl implements Acl {
  private final String type;
  private final DomainSet domains = new DomainSet();

  DomainAcl(String type) {
    this.type = type;
  }

  @Override
  public String type() {
    return type;
  }

  @Override
  public void add(List<AclValue> values) {
    values.forEach(domains::add);
  }

  @Override
  public Tri match(SquidRequest request) {
    return Tri.of(domains.lookup(request.host()).isPresent());
  }

  @Override
  public String matchedValue(SquidRequest request) {
    return domains.lookup(request.host()).map(v -> v.text() + " (" + v.origin() + ")").orElse("");
  }
}

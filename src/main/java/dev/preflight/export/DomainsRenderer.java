package dev.preflight.export;

import java.io.IOException;
import java.io.Writer;

/**
 * One pattern per line ({@code ztd.dds.microsoft.com}, {@code *.manage.microsoft.com}) and nothing
 * else, so the list can feed firewalls and scripts that take a plain domain list. Ports are not
 * expressible here; the CSV and JSON formats carry them.
 */
final class DomainsRenderer implements AllowlistRenderer {
  @Override
  public void render(Allowlist allowlist, Writer out) throws IOException {
    for (AllowlistEntry entry : allowlist.entries()) {
      out.write(entry.pattern());
      out.write('\n');
    }
    out.flush();
  }
}

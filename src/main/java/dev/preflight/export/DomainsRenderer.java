package dev.preflight.export;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * One pattern per line and, in the star and dot styles, nothing else, so the list can feed
 * firewalls and scripts that take a plain domain list. Ports are not expressible here; the CSV and
 * JSON formats carry them.
 *
 * <p>{@link WildcardStyle#STAR} writes the allowlist's patterns as they are ({@code
 * ztd.dds.microsoft.com}, {@code *.manage.microsoft.com}). {@link WildcardStyle#DOT} writes a
 * wildcard as {@code .manage.microsoft.com}, which also covers the apex and every host below, so
 * those lines are left out ({@link LeadingDotDomains}). {@link WildcardStyle#ZONE} writes the same
 * names without the dot, after one comment line saying that each name stands for its zone.
 */
final class DomainsRenderer implements AllowlistRenderer {
  private final WildcardStyle style;

  DomainsRenderer(WildcardStyle style) {
    this.style = style;
  }

  @Override
  public void render(Allowlist allowlist, Writer out) throws IOException {
    List<String> patterns = allowlist.entries().stream().map(AllowlistEntry::pattern).toList();
    List<String> lines =
        switch (style) {
          case STAR -> patterns;
          case DOT -> LeadingDotDomains.values(patterns);
          case ZONE ->
              LeadingDotDomains.values(patterns).stream()
                  .map(v -> v.replaceFirst("^\\.", ""))
                  .toList();
        };
    if (style == WildcardStyle.ZONE) {
      out.write(
          "# Each name stands for itself and every name below it (zone style, for DNS filters).\n");
    }
    for (String line : lines) {
      out.write(line);
      out.write('\n');
    }
    out.flush();
  }
}

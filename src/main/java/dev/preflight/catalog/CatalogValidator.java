package dev.preflight.catalog;

import dev.preflight.common.InputException;
import java.util.Collection;
import java.util.Map;
import java.util.TreeSet;

/**
 * Checks that hold only across files: every endpoint names a service and root sets that some file
 * defines. Runs on the merged drafts, before any {@link Catalog} is built, so a failing check
 * leaves nothing half-loaded.
 */
final class CatalogValidator {
  private CatalogValidator() {}

  static void validate(
      Map<String, RootSetDraft> rootSets,
      Map<String, ServiceDraft> services,
      Collection<EndpointDraft> endpoints) {
    for (EndpointDraft e : endpoints) {
      if (!services.containsKey(e.service())) {
        throw new InputException(
            e.origin().source(),
            e.lineOf("service"),
            "unknown service '"
                + e.service()
                + "' in endpoint '"
                + e.id()
                + "' (known: "
                + String.join(", ", new TreeSet<>(services.keySet()))
                + ")");
      }
      for (String set : e.rootSets()) {
        if (!rootSets.containsKey(set)) {
          throw new InputException(
              e.origin().source(),
              e.lineOf("rootSets"),
              "unknown root set '"
                  + set
                  + "' in endpoint '"
                  + e.id()
                  + "' (known: "
                  + String.join(", ", new TreeSet<>(rootSets.keySet()))
                  + ")");
        }
      }
    }
  }
}

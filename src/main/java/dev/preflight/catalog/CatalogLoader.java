package dev.preflight.catalog;

import dev.preflight.common.InputException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Loads the shipped catalog and user catalog files into one {@link Catalog}.
 *
 * <p>Files are applied in order after the shipped catalog: an entry, service or root set whose id
 * already exists replaces the earlier one in place; new ones are appended. Every file is read and
 * every reference checked before the catalog is built, so any error throws an {@link
 * InputException} naming the file and line, and nothing is returned half-loaded.
 */
public final class CatalogLoader {
  /** The classpath resource holding the shipped catalog. */
  public static final String SHIPPED_RESOURCE = "dev/preflight/catalog/catalog.yaml";

  private static final String SHIPPED_SOURCE = "classpath:" + SHIPPED_RESOURCE;

  // Read once: the resource never changes while the program runs.
  private static @Nullable CatalogDraft shippedDraft;
  private static @Nullable Catalog shipped;

  private CatalogLoader() {}

  /** The catalog shipped inside preflight, validated. */
  public static synchronized Catalog shipped() {
    if (shipped == null) {
      shipped = build(List.of(shippedDraft()));
    }
    return shipped;
  }

  /** The shipped catalog extended and overridden by {@code userFiles}, in order. */
  public static Catalog load(List<Path> userFiles) {
    if (userFiles.isEmpty()) {
      return shipped();
    }
    List<CatalogDraft> drafts = new ArrayList<>();
    drafts.add(shippedDraft());
    for (Path file : userFiles) {
      drafts.add(CatalogFileReader.read(file));
    }
    return build(drafts);
  }

  private static Catalog build(List<CatalogDraft> drafts) {
    Map<String, RootSetDraft> rootSets = new LinkedHashMap<>();
    Map<String, ServiceDraft> services = new LinkedHashMap<>();
    Map<String, EndpointDraft> endpoints = new LinkedHashMap<>();
    for (CatalogDraft draft : drafts) {
      draft.rootSets().forEach(r -> rootSets.put(r.name(), r));
      draft.services().forEach(s -> services.put(s.service().id(), s));
      draft.endpoints().forEach(e -> endpoints.put(e.id(), e));
    }
    CatalogValidator.validate(rootSets, services, endpoints.values());
    Map<String, List<String>> roots = new LinkedHashMap<>();
    rootSets.forEach((name, set) -> roots.put(name, set.roots()));
    return new Catalog(
        services.values().stream().map(ServiceDraft::service).toList(),
        endpoints.values().stream().map(e -> endpoint(e, roots)).toList(),
        roots);
  }

  private static Endpoint endpoint(EndpointDraft e, Map<String, List<String>> rootSets) {
    Set<String> roots = new LinkedHashSet<>();
    e.rootSets().forEach(set -> roots.addAll(rootSets.get(set)));
    Source source = e.source();
    return new Endpoint(
        e.id(),
        e.service(),
        e.host(),
        e.wildcard(),
        e.protocol(),
        e.ports(),
        e.path(),
        e.impact(),
        e.scenarios(),
        e.tpms(),
        e.inspectionUnsupported(),
        List.copyOf(roots),
        e.expect(),
        source != null ? source : new Source(e.origin().source(), "undated"),
        e.note(),
        e.standIn());
  }

  private static synchronized CatalogDraft shippedDraft() {
    if (shippedDraft == null) {
      InputStream in = CatalogLoader.class.getClassLoader().getResourceAsStream(SHIPPED_RESOURCE);
      if (in == null) {
        throw new InputException(SHIPPED_SOURCE, "missing from the class path");
      }
      shippedDraft = CatalogFileReader.read(in, SHIPPED_SOURCE);
    }
    return shippedDraft;
  }
}

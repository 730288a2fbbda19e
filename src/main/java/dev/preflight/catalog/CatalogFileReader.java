package dev.preflight.catalog;

import dev.preflight.common.InputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads one catalog file (YAML, UTF-8) into a {@link CatalogDraft}: top-level sections {@code
 * rootSets}, {@code services} and {@code endpoints}, each optional. Rejects unknown fields, wrong
 * types, bad values and ids defined twice in the same file, naming the file and line.
 */
final class CatalogFileReader {
  /** Catalog files are small; anything larger is a mistake, not a catalog. */
  static final long MAX_BYTES = 16L * 1024 * 1024;

  private static final Set<String> TOP = Set.of("rootSets", "services", "endpoints");
  private static final Set<String> SERVICE_FIELDS = Set.of("id", "name", "consequence");

  private CatalogFileReader() {}

  static CatalogDraft read(Path file) {
    String source = file.toString();
    try {
      if (Files.isDirectory(file)) {
        throw new InputException(source, "cannot read: it is a directory");
      }
      if (Files.size(file) > MAX_BYTES) {
        throw new InputException(source, "too large for a catalog (over 16 MiB)");
      }
      return read(Files.newInputStream(file), source);
    } catch (NoSuchFileException e) {
      throw new InputException(source, "cannot read: no such file");
    } catch (IOException e) {
      throw new InputException(source, 0, "cannot read: " + e.getMessage(), e);
    }
  }

  static CatalogDraft read(InputStream in, String source) {
    try (Reader reader =
        new InputStreamReader(
            in,
            StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT))) {
      return draft(source, YamlTreeReader.read(reader, source));
    } catch (IOException e) {
      throw new InputException(source, 0, "cannot close: " + e.getMessage(), e);
    }
  }

  private static CatalogDraft draft(String source, YamlNode root) {
    YamlFields top = new YamlFields(source, "the catalog", root, TOP);
    return new CatalogDraft(source, rootSets(top), services(top), endpoints(top));
  }

  private static List<RootSetDraft> rootSets(YamlFields top) {
    YamlNode node = top.node("rootSets");
    List<RootSetDraft> sets = new ArrayList<>();
    if (node == null) {
      return sets;
    }
    if (!node.isMapping()) {
      throw top.error(node.line(), "'rootSets' must map set names to lists of root CA names");
    }
    YamlFields fields = new YamlFields(top.source(), "'rootSets'", node, node.mapping().keySet());
    for (String name : node.mapping().keySet()) {
      if (!EndpointReader.ID.matcher(name).matches()) {
        throw top.error(fields.line(name), "bad root set name '" + name + "'");
      }
      List<String> roots = fields.optionalStringList(name);
      if (roots == null) {
        throw top.error(fields.line(name), "root set '" + name + "' must list root CA names");
      }
      sets.add(new RootSetDraft(new Origin(top.source(), fields.line(name)), name, roots));
    }
    return sets;
  }

  private static List<ServiceDraft> services(YamlFields top) {
    List<ServiceDraft> services = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (YamlNode item : items(top, "services")) {
      YamlFields f =
          new YamlFields(top.source(), EndpointReader.label("service", item), item, SERVICE_FIELDS);
      String id = EndpointReader.id(f, "id");
      unique(top, seen, "service", id, f.line());
      Service service = new Service(id, f.requiredString("name"), f.requiredString("consequence"));
      services.add(new ServiceDraft(new Origin(top.source(), f.line()), service));
    }
    return services;
  }

  private static List<EndpointDraft> endpoints(YamlFields top) {
    List<EndpointDraft> endpoints = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (YamlNode item : items(top, "endpoints")) {
      EndpointDraft draft = EndpointReader.read(top.source(), item);
      unique(top, seen, "endpoint", draft.id(), draft.origin().line());
      endpoints.add(draft);
    }
    return endpoints;
  }

  private static List<YamlNode> items(YamlFields top, String section) {
    List<YamlNode> items = top.optionalList(section);
    return items == null ? List.of() : items;
  }

  private static void unique(
      YamlFields top, Map<String, Integer> seen, String kind, String id, int line) {
    Integer first = seen.putIfAbsent(id, line);
    if (first != null) {
      throw top.error(
          line, "duplicate " + kind + " id '" + id + "' (first defined on line " + first + ")");
    }
  }
}

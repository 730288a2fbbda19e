package dev.preflight.catalog;

import dev.preflight.common.Display;
import dev.preflight.common.InputFiles;
import dev.preflight.common.InputKind;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads one catalog file (YAML, UTF-8, through the bounded reader) into a {@link CatalogDraft}:
 * top-level sections {@code rootSets}, {@code services} and {@code endpoints}, each optional.
 * Rejects unknown fields, wrong types, bad values and ids defined twice in the same file, naming
 * the file and line.
 */
final class CatalogFileReader {
  private static final Set<String> TOP = Set.of("rootSets", "services", "endpoints");
  private static final Set<String> SERVICE_FIELDS = Set.of("id", "name", "consequence");

  private CatalogFileReader() {}

  /** Reads {@code file} within the limits of {@link InputKind#CATALOG}. */
  static CatalogDraft read(Path file) {
    return parse(InputFiles.readText(file, InputKind.CATALOG), file.toString());
  }

  /** Reads a catalog from {@code in} (the shipped resource) within the same limits. */
  static CatalogDraft read(InputStream in, String source) {
    return parse(InputFiles.readText(in, source, InputKind.CATALOG), source);
  }

  private static CatalogDraft parse(String text, String source) {
    return draft(source, YamlTreeReader.read(text, source));
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
        throw top.error(fields.line(name), "bad root set name " + Display.quoted(name));
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

package dev.linkpulse.emulators.stepfunctions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A JsonPath as Step Functions reads it: {@code $} (the state's data) or {@code $$} (the context object), then
 * child names ({@code .a}, {@code ['a b']}), indexes ({@code [0]}, {@code [-1]}), wildcards, slices, unions,
 * deep scan ({@code ..}) and filters ({@code [?(@.price < 10)]}). A <em>reference path</em> (ResultPath, Choice
 * variables, ...) has only names and indexes and selects one node.
 */
final class JsonPath {
  sealed interface Segment permits Name, Index, Wildcard, Slice, Names, Indexes, Deep, Filter {}

  record Name(String name) implements Segment {}

  record Index(int index) implements Segment {}

  record Wildcard() implements Segment {}

  record Slice(Integer start, Integer end, int step) implements Segment {}

  record Names(List<String> names) implements Segment {}

  record Indexes(List<Integer> indexes) implements Segment {}

  /** {@code ..inner}: {@code inner} applied at every depth. */
  record Deep(Segment inner) implements Segment {}

  record Filter(JsonPathFilter.Expression expression) implements Segment {}

  private final String text;
  private final boolean context;
  private final List<Segment> segments;

  JsonPath(String text, boolean context, List<Segment> segments) {
    this.text = text;
    this.context = context;
    this.segments = List.copyOf(segments);
  }

  /** Parses {@code $...}, {@code $$...} or (inside filters) {@code @...}; {@link IllegalArgumentException} if malformed. */
  static JsonPath parse(String text) {
    return new JsonPathParser(text).path();
  }

  String text() {
    return text;
  }

  /** Starts with {@code $$}: reads the context object, not the state's data. */
  boolean context() {
    return context;
  }

  List<Segment> segments() {
    return segments;
  }

  /** Names and indexes only: selects at most one node. */
  boolean definite() {
    return segments.stream().allMatch(s -> s instanceof Name || s instanceof Index);
  }

  /** A reference path as ResultPath needs it: names only, so the path says where to write. */
  boolean namesOnly() {
    return segments.stream().allMatch(s -> s instanceof Name);
  }

  /**
   * The value this path selects: the node itself for a definite path, an array of every match otherwise.
   * A definite path that selects nothing is a {@code States.Runtime} error, as on AWS.
   */
  JsonNode select(JsonNode root) {
    if (definite()) {
      return find(root).orElseThrow(() -> StatesError.runtime("Invalid path '" + text + "': No results for path"));
    }
    ArrayNode out = Json.array();
    collect(root, root, 0, out);
    return out;
  }

  /** The node a definite path selects, or empty. */
  Optional<JsonNode> find(JsonNode root) {
    JsonNode node = root;
    for (Segment segment : segments) {
      node = step(node, segment);
      if (node == null) return Optional.empty();
    }
    return Optional.of(node);
  }

  /**
   * ResultPath: a copy of {@code input} with {@code value} at this path, creating objects on the way.
   * {@code $} alone replaces the input. An existing non-object on the way is a {@code States.ResultPathMatchFailure}.
   */
  JsonNode set(JsonNode input, JsonNode value) {
    if (segments.isEmpty()) return value;
    if (!input.isObject()) {
      throw new StatesError(StatesError.RESULT_PATH_MATCH_FAILURE, "Unable to apply ResultPath '" + text + "' to input: it is not an object");
    }
    ObjectNode root = ((ObjectNode) input).deepCopy();
    ObjectNode node = root;
    for (int i = 0; i < segments.size() - 1; i++) {
      String name = ((Name) segments.get(i)).name();
      JsonNode next = node.get(name);
      if (next == null || next.isNull()) {
        next = node.putObject(name);
      } else if (!next.isObject()) {
        throw new StatesError(StatesError.RESULT_PATH_MATCH_FAILURE,
            "Unable to apply ResultPath '" + text + "': '" + name + "' is not an object");
      }
      node = (ObjectNode) next;
    }
    node.set(((Name) segments.get(segments.size() - 1)).name(), value);
    return root;
  }

  private static JsonNode step(JsonNode node, Segment segment) {
    if (segment instanceof Name n) return node.isObject() ? node.get(n.name()) : null;
    int index = ((Index) segment).index();
    if (!node.isArray()) return null;
    int at = index < 0 ? node.size() + index : index;
    return at >= 0 && at < node.size() ? node.get(at) : null;
  }

  private void collect(JsonNode root, JsonNode node, int at, ArrayNode out) {
    if (at == segments.size()) {
      out.add(node);
      return;
    }
    for (JsonNode child : children(root, node, segments.get(at))) collect(root, child, at + 1, out);
  }

  private static List<JsonNode> children(JsonNode root, JsonNode node, Segment segment) {
    List<JsonNode> out = new ArrayList<>();
    if (segment instanceof Name || segment instanceof Index) {
      addIfPresent(out, step(node, segment));
    } else if (segment instanceof Wildcard) {
      node.elements().forEachRemaining(out::add);
    } else if (segment instanceof Names n) {
      n.names().forEach(name -> addIfPresent(out, step(node, new Name(name))));
    } else if (segment instanceof Indexes ix) {
      ix.indexes().forEach(i -> addIfPresent(out, step(node, new Index(i))));
    } else if (segment instanceof Slice s) {
      slice(node, s, out);
    } else if (segment instanceof Filter f) {
      node.elements().forEachRemaining(e -> {
        if (f.expression().test(e, root)) out.add(e);
      });
    } else {
      deep(root, node, ((Deep) segment).inner(), out);
    }
    return out;
  }

  private static void deep(JsonNode root, JsonNode node, Segment inner, List<JsonNode> out) {
    out.addAll(children(root, node, inner));
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) deep(root, it.next().getValue(), inner, out);
    } else if (node.isArray()) {
      for (JsonNode e : node) deep(root, e, inner, out);
    }
  }

  private static void slice(JsonNode node, Slice s, List<JsonNode> out) {
    if (!node.isArray()) return;
    int size = node.size();
    int start = bound(s.start(), 0, size);
    int end = bound(s.end(), size, size);
    for (int i = start; i < end; i += s.step()) out.add(node.get(i));
  }

  private static int bound(Integer value, int fallback, int size) {
    if (value == null) return fallback;
    int v = value < 0 ? size + value : value;
    return Math.max(0, Math.min(size, v));
  }

  private static void addIfPresent(List<JsonNode> out, JsonNode node) {
    if (node != null) out.add(node);
  }

  @Override
  public String toString() {
    return text;
  }
}

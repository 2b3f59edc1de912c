package dev.linkpulse.emulators.stepfunctions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;

/** Typed reads of one definition object's fields; a wrong type is a {@link DefinitionError} at that field. */
final class FieldReader {
  private final ObjectNode node;
  private final String where;

  FieldReader(ObjectNode node, String where) {
    this.node = node;
    this.where = where;
  }

  String at(String field) {
    return where + "/" + field;
  }

  String where() {
    return where;
  }

  boolean has(String field) {
    return node.has(field);
  }

  JsonNode get(String field) {
    return node.get(field);
  }

  String text(String field) {
    JsonNode v = node.get(field);
    if (v == null) return null;
    if (!v.isTextual()) throw new DefinitionError(at(field), "must be a string");
    return v.asText();
  }

  String requiredText(String field) {
    String v = text(field);
    if (v == null) throw new DefinitionError(at(field), "is required");
    return v;
  }

  /** An integer at least {@code min}; null when absent. */
  Integer integer(String field, int min) {
    JsonNode v = node.get(field);
    if (v == null) return null;
    if (!v.isIntegralNumber() || !v.canConvertToInt() || v.asInt() < min) {
      throw new DefinitionError(at(field), "must be an integer of at least " + min + ", not " + v);
    }
    return v.asInt();
  }

  BigDecimal decimal(String field, BigDecimal min) {
    JsonNode v = node.get(field);
    if (v == null) return null;
    if (!v.isNumber() || v.decimalValue().compareTo(min) < 0) throw new DefinitionError(at(field), "must be a number of at least " + min + ", not " + v);
    return v.decimalValue();
  }

  boolean bool(String field) {
    JsonNode v = node.get(field);
    if (v == null) return false;
    if (!v.isBoolean()) throw new DefinitionError(at(field), "must be true or false");
    return v.asBoolean();
  }

  JsonPath path(String field) {
    String text = text(field);
    if (text == null) return null;
    try {
      return JsonPath.parse(text);
    } catch (IllegalArgumentException e) {
      throw new DefinitionError(at(field), e.getMessage());
    }
  }

  /** A reference path: names and indexes only, selecting one node. */
  JsonPath referencePath(String field) {
    JsonPath p = path(field);
    if (p != null && !p.definite()) throw new DefinitionError(at(field), "must be a reference path (names and indexes only, no wildcards, slices or filters): " + p);
    return p;
  }

  /** InputPath/OutputPath/ResultPath: absent is {@code $}, JSON null discards. */
  Definition.PathField pathField(String field) {
    JsonNode v = node.get(field);
    if (v == null) return Definition.PathField.ROOT;
    if (v.isNull()) return Definition.PathField.DISCARD;
    return new Definition.PathField(path(field), false);
  }

  PayloadTemplate template(String field) {
    JsonNode v = node.get(field);
    if (v == null) return null;
    if (!v.isObject()) throw new DefinitionError(at(field), "must be a JSON object");
    return PayloadTemplate.compile(v, at(field));
  }
}

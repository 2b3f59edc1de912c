package dev.linkpulse.core.clicks;

import static dev.linkpulse.testing.Generators.ints;
import static dev.linkpulse.testing.Generators.strings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.linkpulse.core.Json;
import dev.linkpulse.testing.Generators;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.quicktheories.generators.SourceDSL;

/** Fuzzing the recorder's validator: whatever arrives on the bus parses, or fails with a reason, never otherwise. */
class ClickEventPropertiesTest {
  static ClickEvent sample() {
    return ClickEventTest.sample();
  }

  @Test
  void anyJsonValueEitherParsesOrFailsWithAReason() {
    qt().withExamples(3300).forAll(details()).checkAssert(json -> {
      try {
        ClickEvent e = ClickEvent.fromDetail(tree(json));
        assertThat(e.eventId()).isNotBlank();
      } catch (InvalidClickEvent expected) {
        assertThat(expected.getMessage()).isNotBlank();
      }
    });
  }

  /** Valid details with one field replaced by arbitrary JSON, plus arbitrary JSON documents. */
  private static Gen<String> details() {
    Gen<String> values = Generate.oneOf(strings(0, 40).map(Json::write), ints().map(i -> Integer.toString(i)),
        SourceDSL.arbitrary().pick("null", "true", "[]", "{}", "1.5e300", "[1,{\"a\":null}]"));
    Gen<String> fields = SourceDSL.arbitrary().pick("schemaVersion", "eventId", "time", "code", "method", "referrer",
        "userAgent", "country", "visitor", "qr", "utm", "unexpected");
    Gen<String> mutated = fields.zip(values, (field, value) -> {
      ObjectNode d = sample().toDetail();
      d.set(field, tree(value));
      return Json.write(d);
    });
    return Generate.oneOf(mutated, values).describedAs(Generators::quoted);
  }

  private static JsonNode tree(String json) {
    try {
      return Json.tree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("generated JSON does not parse: " + json, e);
    }
  }
}

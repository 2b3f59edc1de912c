package dev.linkpulse.core.clicks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.linkpulse.core.Json;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Fuzzing the recorder's validator: whatever arrives on the bus parses, or fails with a reason, never otherwise. */
class ClickEventPropertiesTest {
  static ClickEvent sample() {
    return ClickEventTest.sample();
  }

  @Property(tries = 2_000)
  void anyJsonValueEitherParsesOrFailsWithAReason(@ForAll("details") String json) throws Exception {
    try {
      ClickEvent e = ClickEvent.fromDetail(Json.tree(json));
      assertThat(e.eventId()).isNotBlank();
    } catch (InvalidClickEvent expected) {
      assertThat(expected.getMessage()).isNotBlank();
    }
  }

  /** Valid details with one field replaced by arbitrary JSON, plus arbitrary JSON documents. */
  @Provide
  Arbitrary<String> details() {
    Arbitrary<String> values = Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(40).map(s -> Json.write(s)),
        Arbitraries.integers().map(String::valueOf), Arbitraries.of("null", "true", "[]", "{}", "1.5e300", "[1,{\"a\":null}]"));
    Arbitrary<String> fields = Arbitraries.of("schemaVersion", "eventId", "time", "code", "method", "referrer", "userAgent",
        "country", "visitor", "qr", "utm", "unexpected");
    Arbitrary<String> mutated = net.jqwik.api.Combinators.combine(fields, values).as((field, value) -> {
      try {
        ObjectNode d = sample().toDetail();
        d.set(field, Json.tree(value));
        return Json.write(d);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    return Arbitraries.oneOf(mutated, values);
  }
}

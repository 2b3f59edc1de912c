package dev.linkpulse.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonAndEnvTest {
  record Sample(String a, Integer b) {}

  @Test
  void jsonOmitsNullsOnWrite() {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("a", "x");
    value.put("b", null);
    assertThat(Json.write(value)).isEqualTo("{\"a\":\"x\"}");
    assertThat(Json.write(new Sample("x", null))).isEqualTo("{\"a\":\"x\"}");
  }

  @Test
  void jsonToleratesUnknownPropertiesOnRead() {
    assertThat(Json.read("{\"a\":\"x\",\"b\":2,\"unknown\":true}", Sample.class)).isEqualTo(new Sample("x", 2));
  }

  @Test
  void jsonReadWrapsMalformedInputInAnUncheckedException() {
    assertThatThrownBy(() -> Json.read("{nope", Sample.class)).isInstanceOf(UncheckedIOException.class);
  }

  @Test
  void envScopedVariablesOverrideTheProcessEnvironmentOnlyInsideTheScope() {
    String name = "LINKPULSE_TEST_ONLY_VARIABLE";
    assertThat(Env.find(name)).isEmpty();
    String inside = Env.scoped(Map.of(name, "v1"), () -> Env.require(name));
    assertThat(inside).isEqualTo("v1");
    assertThat(Env.find(name)).isEmpty();
  }

  @Test
  void envScopesNestAndRestoreTheOuterScope() {
    String name = "LINKPULSE_TEST_NESTED";
    String result = Env.scoped(Map.of(name, "outer"), () -> {
      String innerValue = Env.scoped(Map.of(name, "inner"), () -> Env.get(name, "none"));
      return innerValue + "/" + Env.get(name, "none");
    });
    assertThat(result).isEqualTo("inner/outer");
    assertThat(Env.get(name, "none")).isEqualTo("none");
  }

  @Test
  void envScopeIsRestoredEvenWhenTheBodyThrows() {
    String name = "LINKPULSE_TEST_THROWS";
    assertThatThrownBy(() -> Env.scoped(Map.of(name, "x"), () -> {
      throw new IllegalStateException("boom");
    })).hasMessage("boom");
    assertThat(Env.find(name)).isEmpty();
  }

  @Test
  void anEmptyValueCountsAsUnsetAndCanHideAProcessVariable() {
    String path = "PATH";
    assertThat(Env.find(path)).isPresent(); // set in any sane test environment
    Map<String, String> hide = new HashMap<>();
    hide.put(path, "");
    assertThat(Env.scoped(hide, () -> Env.find(path))).isEmpty();
  }

  @Test
  void envRequireAndGetIntBehave() {
    assertThatThrownBy(() -> Env.require("LINKPULSE_TEST_MISSING"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("LINKPULSE_TEST_MISSING");
    assertThat(Env.getInt("LINKPULSE_TEST_MISSING", 7)).isEqualTo(7);
    assertThat(Env.scoped(Map.of("N", "42"), () -> Env.getInt("N", 7))).isEqualTo(42);
    assertThatThrownBy(() -> Env.scoped(Map.of("N", "forty"), () -> Env.getInt("N", 7)))
        .isInstanceOf(NumberFormatException.class);
  }

  @Test
  void envRequireIntReadsANumberTheDeploymentSetsAndNamesTheVariableWhenItIsMissingOrNotANumber() {
    String name = "LINKPULSE_TEST_REQUIRED_INT_" + System.nanoTime();
    assertThat(Env.scoped(Map.of(name, "7200"), () -> Env.requireInt(name))).isEqualTo(7200);
    assertThatThrownBy(() -> Env.requireInt(name)).isInstanceOf(IllegalStateException.class).hasMessageContaining(name);
    assertThatThrownBy(() -> Env.scoped(Map.of(name, "2h"), () -> Env.requireInt(name)))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining(name).hasMessageContaining("2h");
  }
}

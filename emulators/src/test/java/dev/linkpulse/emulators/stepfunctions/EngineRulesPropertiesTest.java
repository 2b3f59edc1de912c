package dev.linkpulse.emulators.stepfunctions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Properties of the rules that must hold for every input, not only the documentation's examples. */
class EngineRulesPropertiesTest {
  private static final String SAGA_LIKE = "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::lambda:invoke\","
      + "\"Parameters\":{\"FunctionName\":\"f\",\"Payload.$\":\"States.Format('{}', $.x)\"},\"Retry\":[{\"ErrorEquals\":[\"States.ALL\"],"
      + "\"IntervalSeconds\":2,\"BackoffRate\":2}],\"Catch\":[{\"ErrorEquals\":[\"States.ALL\"],\"ResultPath\":\"$.e\",\"Next\":\"C\"}],\"Next\":\"C\"},"
      + "\"C\":{\"Type\":\"Choice\",\"Choices\":[{\"Variable\":\"$.n\",\"NumericGreaterThan\":1,\"Next\":\"D\"}],\"Default\":\"D\"},"
      + "\"D\":{\"Type\":\"Wait\",\"SecondsPath\":\"$.s\",\"Next\":\"E\"},\"E\":{\"Type\":\"Succeed\"}}}";

  @Test
  void aRetryDelayNeverExceedsItsCapAndJitterNeverExceedsTheComputedInterval() {
    qt().forAll(integers().between(1, 3600), integers().between(1, 40), integers().between(100, 400), doubles().between(0, 0.999999))
        .checkAssert((interval, retry, ratePercent, random) -> {
          BigDecimal rate = BigDecimal.valueOf(ratePercent, 2);
          Definition.Retrier plain = new Definition.Retrier(List.of("X"), interval, 99, rate, 600, Definition.Jitter.NONE);
          Definition.Retrier jittered = new Definition.Retrier(List.of("X"), interval, 99, rate, 600, Definition.Jitter.FULL);
          long full = ErrorRules.delay(plain, retry, () -> random).toMillis();
          long jitter = ErrorRules.delay(jittered, retry, () -> random).toMillis();
          assertThat(full).isBetween(Math.min(interval, 600) * 1000L, 600_000L);
          assertThat(jitter).isBetween(0L, full);
        });
  }

  @Test
  void resultPathPutsTheValueWhereTheSamePathFindsIt() {
    qt().forAll(lists().of(strings().betweenCodePoints('a', 'e').ofLengthBetween(1, 3)).ofSizeBetween(1, 4), integers().all())
        .checkAssert((names, value) -> {
          String text = "$" + names.stream().map(n -> "['" + n + "']").reduce("", String::concat);
          JsonPath path = JsonPath.parse(text);
          JsonNode input = Json.parse("{\"keep\":true}");
          JsonNode out = path.set(input, Json.NODES.numberNode(value));
          assertThat(path.find(out)).hasValue(Json.NODES.numberNode(value));
          assertThat(input).isEqualTo(Json.parse("{\"keep\":true}"));
        });
  }

  @Test
  void aDamagedDefinitionIsRefusedWithReasonsOrAcceptedButNeverCrashesTheParser() {
    qt().forAll(integers().between(0, SAGA_LIKE.length() - 1), integers().between(1, 12)).checkAssert((at, length) -> {
      String damaged = SAGA_LIKE.substring(0, at) + SAGA_LIKE.substring(Math.min(SAGA_LIKE.length(), at + length));
      try {
        DefinitionParser.parse(damaged);
      } catch (InvalidDefinitionException e) {
        assertThat(e.problems()).isNotEmpty().allMatch(p -> p.startsWith("/") && p.contains(": "));
      }
    });
  }
}

package dev.linkpulse.local.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** EventBridge's "Rate expressions reference" (docs.aws.amazon.com/eventbridge/latest/userguide/eb-rate-expressions.html), rule by rule. */
class RateExpressionConformanceTest {
  /** The reference's own examples: every minute, every five minutes, once an hour, once a day. */
  @ParameterizedTest
  @CsvSource({"rate(1 minute), PT1M", "rate(5 minutes), PT5M", "rate(1 hour), PT1H", "rate(1 day), PT24H", "rate(7 days), PT168H"})
  void theReferencesExamplesRunAtTheirInterval(String expression, Duration interval) {
    assertThat(RateExpression.parse(expression).interval()).isEqualTo(interval);
  }

  /** "If the value is equal to 1, then the unit must be singular. If the value is greater than 1, the unit must be plural." */
  @ParameterizedTest
  @ValueSource(strings = {"rate(1 hours)", "rate(5 hour)", "rate(1 minutes)", "rate(2 day)"})
  void aValueOfOneTakesASingularUnitAndAnyOtherAPlural(String expression) {
    assertThatThrownBy(() -> RateExpression.parse(expression)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unit");
  }

  /** "value: A positive number." */
  @ParameterizedTest
  @ValueSource(strings = {"rate(0 minutes)", "rate(-1 minute)", "rate(1.5 minutes)"})
  void theValueIsAPositiveWholeNumber(String expression) {
    assertThatThrownBy(() -> RateExpression.parse(expression)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(expression);
  }

  /** "Valid values: minute | minutes | hour | hours | day | days". */
  @ParameterizedTest
  @ValueSource(strings = {"rate(30 seconds)", "rate(1 week)", "rate(2 months)"})
  void theUnitIsMinutesHoursOrDays(String expression) {
    assertThatThrownBy(() -> RateExpression.parse(expression)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("minute | minutes | hour | hours | day | days");
  }

  /** Cron schedules exist on AWS; the local stack refuses them by name rather than never running them. */
  @ParameterizedTest
  @ValueSource(strings = {"cron(0 20 * * ? *)", "every 5 minutes", "rate(5minutes)"})
  void anythingElseIsRefusedWithWhatTheLocalStackRuns(String expression) {
    assertThatThrownBy(() -> RateExpression.parse(expression)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rate(");
  }
}

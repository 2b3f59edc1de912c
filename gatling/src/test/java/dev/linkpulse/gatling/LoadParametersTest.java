package dev.linkpulse.gatling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** -D parameters: the scenario's defaults when absent, every value checked, each complaint naming its property. */
class LoadParametersTest {
  static final LoadParameters.Defaults DEFAULTS = new LoadParameters.Defaults(100, Duration.ofSeconds(30), Duration.ofMinutes(1), 50);
  private final Map<String, String> props = new HashMap<>();

  private LoadParameters read() {
    props.putIfAbsent("linkpulse.root", System.getProperty("java.io.tmpdir"));
    return LoadParameters.read("RedirectStorm", DEFAULTS, props::get);
  }

  @Test
  void withNothingGivenTheScenarioDefaultsTargetTheLocalStack() {
    LoadParameters p = read();
    assertThat(p.rate()).isEqualTo(100);
    assertThat(p.ramp()).isEqualTo(Duration.ofSeconds(30));
    assertThat(p.duration()).isEqualTo(Duration.ofMinutes(1));
    assertThat(p.links()).isEqualTo(50);
    assertThat(p.botShare()).isEqualTo(0.2);
    assertThat(p.p99Millis()).isEqualTo(1000);
    assertThat(p.warmUp()).isZero();
    assertThat(p.baseUrl()).isEqualTo(LocalStackFile.DEFAULT_API);
    assertThat(p.token().toString()).contains("./linkpulse token gatling");
    assertThat(p.accountingFile().toString()).endsWith("target/gatling/redirectstorm-accounting.txt");
  }

  @Test
  void givenValuesWin() {
    props.put("baseUrl", "https://api.staging.example.com/");
    props.put("token", "abc");
    props.put("rate", "250.5");
    props.put("ramp", "0");
    props.put("duration", "2m");
    props.put("countTimeout", "1500ms");
    props.put("warmUp", "15s");
    props.put("accountingDir", "/tmp/acc");
    LoadParameters p = read();
    assertThat(p.baseUrl()).hasToString("https://api.staging.example.com");
    assertThat(p.token().get()).isEqualTo("abc");
    assertThat(p.rate()).isEqualTo(250.5);
    assertThat(p.ramp()).isZero();
    assertThat(p.duration()).isEqualTo(Duration.ofMinutes(2));
    assertThat(p.countTimeout()).isEqualTo(Duration.ofMillis(1500));
    assertThat(p.warmUp()).isEqualTo(Duration.ofSeconds(15));
    assertThat(p.accountingFile().toString()).isEqualTo("/tmp/acc/redirectstorm-accounting.txt");
  }

  @Test
  void aTokenCommandRunsOnceAndItsLastLineIsTheToken() {
    props.put("tokenCommand", "echo building >&2; echo; echo the-token");
    TokenSource token = read().token();
    assertThat(token.get()).isEqualTo("the-token");
    assertThat(token.get()).isEqualTo("the-token");
  }

  @Test
  void aFailingTokenCommandSaysWhichCommand() {
    props.put("tokenCommand", "exit 3");
    assertThatThrownBy(() -> read().token().get()).hasMessageContaining("`exit 3` exited 3");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "rate         | 0          | -Drate must be a number from 0.1 to 100000",
      "rate         | fast       | -Drate must be a number",
      "links        | 0          | -Dlinks must be a number from 1",
      "botShare     | 1.5        | -DbotShare must be a number from 0 to 1",
      "duration     | 0          | -Dduration must be a positive duration",
      "duration     | soon       | -Dduration must be a positive duration",
      "ramp         | -5s        | -Dramp must be a duration",
      "countTimeout | 3 days     | -DcountTimeout must be a positive duration",
      "baseUrl      | ftp://x    | -DbaseUrl must be an http(s) URL",
      "baseUrl      | staging    | -DbaseUrl must be an http(s) URL"})
  void aBadValueFailsTheRunNamingItsProperty(String name, String value, String message) {
    props.put(name, value);
    assertThatThrownBy(this::read).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
  }
}

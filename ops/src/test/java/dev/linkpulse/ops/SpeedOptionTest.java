package dev.linkpulse.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code --speed N} takes a positive, finite number; anything else is refused on one line with exit 2, before a stack starts. */
class SpeedOptionTest {
  @ParameterizedTest
  @ValueSource(strings = {"0", "-1", "0.0", "fast", "NaN", "Infinity", "", "60x"})
  void upRefusesASpeedThatIsNotAPositiveNumber(String speed) {
    StringWriter err = new StringWriter();
    var cli = Linkpulse.commandLine();
    cli.setErr(new PrintWriter(err, true));
    cli.setOut(new PrintWriter(new StringWriter(), true));
    assertThat(cli.execute("up", "--speed", speed)).isEqualTo(Linkpulse.USAGE);
    assertThat(err.toString().lines()).singleElement(InstanceOfAssertFactories.STRING).contains("--speed", "is not a positive number");
  }

  @ParameterizedTest
  @ValueSource(strings = {"60", "1", "0.5", " 2.5 "})
  void aPositiveNumberIsASpeed(String speed) {
    assertThat(new SpeedConverter().convert(speed)).isEqualTo(Double.parseDouble(speed.strip()));
  }
}

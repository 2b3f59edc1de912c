package dev.linkpulse.gatling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The mix as traffic-mix.txt gives it: the bot share holds, HEAD visits are always bots, bots send no referrer,
 * humans always GET with a browser's agent. (Whether each agent lands in its class at the recorder is checked
 * against the recorder's own classifier by TrafficMixLabelsTest in ops.)
 */
class TrafficMixTest {
  static final int VISITS = 20_000;

  @Test
  void theBotShareHoldsOverManyVisits() {
    TrafficMix mix = TrafficMix.standard(0.2);
    SplittableRandom random = new SplittableRandom(7);
    int bots = 0;
    for (int i = 0; i < VISITS; i++) if (mix.next(random).bot()) bots++;
    // 20% of 20,000 with a standard deviation of about 57
    assertThat(bots).isBetween(3_700, 4_300);
  }

  @Test
  void everyVisitIsShapedByItsClass() {
    TrafficMix mix = TrafficMix.standard(0.5);
    SplittableRandom random = new SplittableRandom(11);
    int heads = 0;
    for (int i = 0; i < VISITS; i++) {
      TrafficMix.Visit v = mix.next(random);
      assertThat(v.country()).matches("[A-Z]{2}");
      if (v.method().equals("HEAD")) {
        heads++;
        assertThat(v.bot()).isTrue();
      }
      if (v.bot()) assertThat(v.referer()).isEmpty();
      else assertThat(v.method()).isEqualTo("GET");
      if (!v.bot() || v.method().equals("HEAD")) assertThat(mix.values("browser")).contains(v.userAgent());
    }
    assertThat(heads).isPositive();
  }

  @Test
  void noBotsAtShareZeroAndOnlyBotsAtShareOne() {
    SplittableRandom random = new SplittableRandom(3);
    TrafficMix humans = TrafficMix.standard(0);
    TrafficMix bots = TrafficMix.standard(1);
    for (int i = 0; i < 1_000; i++) {
      assertThat(humans.next(random).bot()).isFalse();
      assertThat(bots.next(random).bot()).isTrue();
    }
  }

  @Test
  void aMalformedLineIsReportedWithItsNumber() {
    assertThatThrownBy(() -> TrafficMix.parse("# header\nbrowser 30\n")).hasMessageContaining("line 2");
    assertThatThrownBy(() -> TrafficMix.parse("browser many Mozilla/5.0\n")).hasMessageContaining("weight 'many'");
  }

  @Test
  void aMixWithoutEveryTableIsRefused() {
    assertThatThrownBy(() -> new TrafficMix(TrafficMix.parse("browser 1 Mozilla/5.0\n"), 0.2)).hasMessageContaining("needs the tables");
  }
}

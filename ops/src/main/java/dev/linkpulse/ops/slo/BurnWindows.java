package dev.linkpulse.ops.slo;

import dev.linkpulse.ops.slo.SloSpec.BurnRate;
import dev.linkpulse.ops.slo.SloSpec.Slo;
import dev.linkpulse.ops.slo.SloSpec.SpecException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;

/** How a burn-rate window becomes an alarm's datapoints, within what a CloudWatch alarm can evaluate. */
final class BurnWindows {
  private BurnWindows() {}

  /** A ratio window: one datapoint of the whole window when it fits in a period (<= 1d), else whole days, all breaching. */
  record RatioWindow(Duration period, int evaluationPeriods) {}

  /** A minutes window: N one-minute datapoints (at most 1440), alarm on M = ceil(factor x budget x N) bad ones. */
  record MinutesWindow(int minutes, int badMinutes, boolean truncated) {}

  static RatioWindow ratio(Duration window) {
    long s = window.getSeconds();
    if (s <= Durations.DAY) return new RatioWindow(window, 1);
    if (s % Durations.DAY != 0) throw new SpecException("window " + Durations.label(window) + " is longer than 1d and not whole days");
    long days = s / Durations.DAY;
    if (days > 7) throw new SpecException("window " + Durations.label(window) + " is longer than the 7 days CloudWatch can evaluate");
    return new RatioWindow(Duration.ofDays(1), (int) days);
  }

  static MinutesWindow minutes(Slo slo, BurnRate rate, Duration window) {
    long all = window.toMinutes();
    int n = (int) Math.min(all, CloudWatchLimits.MAX_MINUTES);
    BigDecimal exact = rate.factor().multiply(slo.budget()).multiply(BigDecimal.valueOf(n));
    int m = Math.max(1, exact.setScale(0, RoundingMode.CEILING).intValueExact());
    if (m > n) {
      throw new SpecException("SLO " + slo.id() + ": burn rate " + rate.factor().toPlainString() + "x of a "
          + slo.budget().toPlainString() + " budget needs more bad minutes than the " + Durations.label(window) + " window has");
    }
    return new MinutesWindow(n, m, all > CloudWatchLimits.MAX_MINUTES);
  }
}

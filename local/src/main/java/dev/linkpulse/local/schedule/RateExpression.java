package dev.linkpulse.local.schedule;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An EventBridge rate expression, {@code rate(value unit)}, read by the rules of EventBridge's "Rate expressions
 * reference": the value is a positive whole number; the unit is minute, hour or day, singular for 1 and plural for
 * more ({@code rate(1 hours)} and {@code rate(5 hour)} are not valid). A cron expression is refused by name: the
 * local stack does not run them, and a schedule it cannot run must stop the start-up, not be skipped.
 */
record RateExpression(long value, String unit, Duration interval) {
  private static final Pattern RATE = Pattern.compile("rate\\((\\d+) ([a-z]+)\\)");
  private static final Map<String, Duration> UNITS = Map.of("minute", Duration.ofMinutes(1), "hour", Duration.ofHours(1), "day", Duration.ofDays(1));

  /** @throws IllegalArgumentException naming the rule the expression breaks */
  static RateExpression parse(String expression) {
    if (expression == null) throw new IllegalArgumentException("a schedule needs a Schedule expression");
    String e = expression.strip();
    if (e.startsWith("cron(")) {
      throw new IllegalArgumentException("'" + expression + "': the local stack runs rate(...) schedules only, not cron(...)");
    }
    Matcher m = RATE.matcher(e);
    if (!m.matches()) throw new IllegalArgumentException("'" + expression + "' is not a rate expression: rate(value unit)");
    long value;
    try {
      value = Long.parseLong(m.group(1));
    } catch (NumberFormatException tooLong) {
      throw new IllegalArgumentException("'" + expression + "': the value is too large");
    }
    if (value < 1) throw new IllegalArgumentException("'" + expression + "': the value must be a positive number");
    String unit = m.group(2);
    String singular = unit.endsWith("s") ? unit.substring(0, unit.length() - 1) : unit;
    if (!UNITS.containsKey(singular)) {
      throw new IllegalArgumentException("'" + expression + "': the unit must be one of minute | minutes | hour | hours | day | days");
    }
    if (value == 1 && !unit.equals(singular)) throw new IllegalArgumentException("'" + expression + "': a value of 1 takes a singular unit");
    if (value > 1 && unit.equals(singular)) throw new IllegalArgumentException("'" + expression + "': a value over 1 takes a plural unit");
    return new RateExpression(value, unit, UNITS.get(singular).multipliedBy(value));
  }
}

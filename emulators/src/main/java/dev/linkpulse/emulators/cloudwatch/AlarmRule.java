package dev.linkpulse.emulators.cloudwatch;

import dev.linkpulse.emulators.protocol.AwsAccount;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Function;

/**
 * A composite alarm's AlarmRule: {@code ALARM(x)}, {@code OK(x)} and {@code INSUFFICIENT_DATA(x)} over alarms named
 * by name or ARN (quoted or not), {@code TRUE}, {@code FALSE}, and {@code NOT} > {@code AND} > {@code OR} with
 * parentheses. {@code AT_LEAST} and alarm-mute functions are refused by name.
 */
sealed interface AlarmRule {
  record Constant(boolean value) implements AlarmRule {}

  /** True while the named alarm is in {@code state}. */
  record StateIs(StateValue state, String alarmName) implements AlarmRule {}

  record Not(AlarmRule operand) implements AlarmRule {}

  record And(AlarmRule left, AlarmRule right) implements AlarmRule {}

  record Or(AlarmRule left, AlarmRule right) implements AlarmRule {}

  default boolean holds(Function<String, StateValue> states) {
    if (this instanceof Constant c) return c.value();
    if (this instanceof StateIs s) return states.apply(s.alarmName()) == s.state();
    if (this instanceof Not n) return !n.operand().holds(states);
    if (this instanceof And a) return a.left().holds(states) && a.right().holds(states);
    Or o = (Or) this;
    return o.left().holds(states) || o.right().holds(states);
  }

  /** Every alarm the rule names, in order of appearance. */
  default Set<String> alarms() {
    Set<String> out = new LinkedHashSet<>();
    collect(this, out);
    return out;
  }

  private static void collect(AlarmRule r, Set<String> out) {
    if (r instanceof StateIs s) out.add(s.alarmName());
    else if (r instanceof Not n) collect(n.operand(), out);
    else if (r instanceof And a) {
      collect(a.left(), out);
      collect(a.right(), out);
    } else if (r instanceof Or o) {
      collect(o.left(), out);
      collect(o.right(), out);
    }
  }

  /** Throws {@link IllegalArgumentException} with what is wrong. */
  static AlarmRule parse(String text) {
    return new AlarmRuleParser(text).parse();
  }

  /** An alarm named in a rule: the ARN of a local alarm is reduced to its name. */
  static String alarmName(String reference) {
    String prefix = AwsAccount.arn("cloudwatch", "alarm:");
    if (reference.startsWith(prefix)) return reference.substring(prefix.length());
    if (reference.startsWith("arn:")) throw new IllegalArgumentException("'" + reference + "' is not an alarm of this account and region");
    return reference;
  }
}

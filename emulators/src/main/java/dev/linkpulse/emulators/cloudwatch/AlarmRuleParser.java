package dev.linkpulse.emulators.cloudwatch;

import dev.linkpulse.emulators.cloudwatch.AlarmRule.And;
import dev.linkpulse.emulators.cloudwatch.AlarmRule.Constant;
import dev.linkpulse.emulators.cloudwatch.AlarmRule.Not;
import dev.linkpulse.emulators.cloudwatch.AlarmRule.Or;
import dev.linkpulse.emulators.cloudwatch.AlarmRule.StateIs;

/** The recursive-descent parser behind {@link AlarmRule#parse}. */
final class AlarmRuleParser extends TextCursor {
  AlarmRuleParser(String text) {
    super(text);
  }

  AlarmRule parse() {
    AlarmRule rule = or();
    if (!atEnd()) throw error("unexpected '" + text.substring(pos, Math.min(text.length(), pos + 20)) + "'");
    return rule;
  }

  private AlarmRule or() {
    AlarmRule left = and();
    while (word("OR")) left = new Or(left, and());
    return left;
  }

  private AlarmRule and() {
    AlarmRule left = not();
    while (word("AND")) left = new And(left, not());
    return left;
  }

  private AlarmRule not() {
    if (word("NOT")) return new Not(not());
    return primary();
  }

  private AlarmRule primary() {
    skipSpace();
    if (peek('(')) {
      pos++;
      AlarmRule inner = or();
      expect(')');
      return inner;
    }
    if (word("TRUE")) return new Constant(true);
    if (word("FALSE")) return new Constant(false);
    int start = pos;
    while (pos < text.length() && (Character.isLetter(text.charAt(pos)) || text.charAt(pos) == '_')) pos++;
    String function = text.substring(start, pos);
    StateValue state = switch (function) {
      case "ALARM" -> StateValue.ALARM;
      case "OK" -> StateValue.OK;
      case "INSUFFICIENT_DATA" -> StateValue.INSUFFICIENT_DATA;
      case "" -> throw error("expected ALARM(...), OK(...), INSUFFICIENT_DATA(...), TRUE, FALSE, NOT or '('");
      default -> throw error("the function " + function + " is not supported by the local CloudWatch");
    };
    expect('(');
    String reference = reference();
    expect(')');
    try {
      return new StateIs(state, AlarmRule.alarmName(reference));
    } catch (IllegalArgumentException e) {
      throw error(e.getMessage());
    }
  }

  private String reference() {
    skipSpace();
    String ref;
    if (peek('"')) {
      int end = text.indexOf('"', pos + 1);
      if (end < 0) throw error("a quoted alarm name is not closed");
      ref = text.substring(pos + 1, end);
      pos = end + 1;
    } else {
      int start = pos;
      while (pos < text.length() && text.charAt(pos) != ')' && !Character.isWhitespace(text.charAt(pos))) pos++;
      ref = text.substring(start, pos);
    }
    if (ref.isEmpty()) throw error("an alarm name or ARN is missing");
    return ref;
  }

  private boolean peek(char c) {
    skipSpace();
    return pos < text.length() && text.charAt(pos) == c;
  }

  private void expect(char c) {
    if (!peek(c)) throw error("expected '" + c + "'");
    pos++;
  }

  private IllegalArgumentException error(String what) {
    return new IllegalArgumentException("Invalid AlarmRule at character " + (pos + 1) + ": " + what);
  }
}

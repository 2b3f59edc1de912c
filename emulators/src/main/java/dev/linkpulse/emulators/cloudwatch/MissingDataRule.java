package dev.linkpulse.emulators.cloudwatch;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoublePredicate;

/**
 * "How alarm state is evaluated when data is missing" (CloudWatch user guide), as one pure function. The alarm
 * fetches more periods than it evaluates (the evaluation range, oldest first); then:
 * <ul>
 *   <li>with at least N real datapoints in the range, the most recent N real ones decide, whatever TreatMissingData
 *       says: ALARM when at least M of them breach, OK otherwise;</li>
 *   <li>with fewer, the real datapoints are used together with as few missing ones as needed to make N: breaching
 *       and notBreaching count those as breaching or not; missing and ignore decide on the real datapoints when
 *       they can (M of them breach: ALARM; any of them does not: OK). When they cannot (every real datapoint
 *       breaches, yet fewer than M), ignore keeps the state and missing goes to INSUFFICIENT_DATA, except when the
 *       newest period is the missing one (the metric stopped after breaching: the guide's row "X - - - -" is ALARM);</li>
 *   <li>with none at all: missing gives INSUFFICIENT_DATA, ignore keeps the state, breaching ALARM, notBreaching OK.</li>
 * </ul>
 * The guide's two example tables are its test cases ({@code MissingDataRuleTest}).
 */
final class MissingDataRule {
  /** One period of the evaluation range; {@code value} is null when the period has no datapoint. */
  record Slot(long timestamp, Double value) {}

  /**
   * The outcome: the next state ({@code null} keeps the current one), the real datapoints that were evaluated
   * (oldest first), how many evaluated datapoints breached, and how many missing ones were counted in.
   */
  record Decision(StateValue state, List<Slot> evaluated, int breaching, int filled) {}

  private MissingDataRule() {}

  static Decision decide(List<Slot> range, int n, int m, DoublePredicate breaches, TreatMissingData treat) {
    List<Slot> real = new ArrayList<>();
    for (Slot s : range) if (s.value() != null) real.add(s);
    if (real.size() >= n) {
      List<Slot> evaluated = real.subList(real.size() - n, real.size());
      int breaching = count(evaluated, breaches);
      return new Decision(breaching >= m ? StateValue.ALARM : StateValue.OK, List.copyOf(evaluated), breaching, 0);
    }
    int fillers = n - real.size();
    int realBreaching = count(real, breaches);
    switch (treat) {
      case BREACHING: {
        int breaching = realBreaching + fillers;
        return new Decision(breaching >= m ? StateValue.ALARM : StateValue.OK, real, breaching, fillers);
      }
      case NOT_BREACHING:
        return new Decision(realBreaching >= m ? StateValue.ALARM : StateValue.OK, real, realBreaching, fillers);
      default:
        break;
    }
    if (real.isEmpty()) return new Decision(treat == TreatMissingData.IGNORE ? null : StateValue.INSUFFICIENT_DATA, real, 0, 0);
    if (realBreaching >= m) return new Decision(StateValue.ALARM, real, realBreaching, 0);
    if (realBreaching < real.size()) return new Decision(StateValue.OK, real, realBreaching, 0);
    if (treat == TreatMissingData.IGNORE) return new Decision(null, real, realBreaching, 0);
    boolean stoppedAfterBreach = range.get(range.size() - 1).value() == null;
    return new Decision(stoppedAfterBreach ? StateValue.ALARM : StateValue.INSUFFICIENT_DATA, real, realBreaching, 0);
  }

  private static int count(List<Slot> slots, DoublePredicate breaches) {
    int c = 0;
    for (Slot s : slots) if (breaches.test(s.value())) c++;
    return c;
  }
}

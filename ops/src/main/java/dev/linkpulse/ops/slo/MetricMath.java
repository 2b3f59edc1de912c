package dev.linkpulse.ops.slo;

import dev.linkpulse.ops.slo.SloSpec.MetricRef;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/** The CloudWatch metric-math expressions the alarms and the dashboards share, so that both measure the same thing. */
final class MetricMath {
  private MetricMath() {}

  /**
   * Hands {@code query} the id and the dimensions of each metric {@code ref} expands to (ids {@code prefix}, or
   * {@code prefix1..n}) and returns the expression that sums them, a missing datapoint read as 0.
   */
  static String sum(String prefix, MetricRef ref, BiConsumer<String, Map<String, String>> query) {
    List<Map<String, String>> expanded = ref.expand();
    List<String> terms = new ArrayList<>();
    for (int i = 0; i < expanded.size(); i++) {
      String id = expanded.size() == 1 ? prefix : prefix + (i + 1);
      query.accept(id, expanded.get(i));
      terms.add("FILL(" + id + ", 0)");
    }
    return terms.size() == 1 ? terms.get(0) : "(" + String.join(" + ", terms) + ")";
  }

  /** bad / total, and 0 while there is no traffic. */
  static String errorRate(String bad, String total) {
    return "IF(" + total + " > 0, " + bad + " / " + total + ", 0)";
  }

  /** The error rate in units of the budget: 1 spends the budget exactly over the budget period. */
  static String burn(String bad, String total, BigDecimal budget) {
    return errorRate(bad, total) + " / " + budget.toPlainString();
  }

  /** {@code sli} is already non-sparse (FILL): a minute without traffic is a good minute. */
  static String badMinute(String sli, BigDecimal below) {
    return "IF(" + sli + " >= " + below.toPlainString() + ", 1, 0)";
  }
}

package dev.linkpulse.ops.dlq;

import dev.linkpulse.ops.UsageError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** Which messages a command acts on, and how fast: the options {@code redrive} and {@code restore} share. */
final class Selection {
  @Option(names = "--filter", paramLabel = "JMESPATH", description = "Only messages whose JSON body makes this JMESPath expression truthy")
  String filter;

  @Option(names = "--grep", paramLabel = "REGEX", description = "Only messages whose raw body contains a match of REGEX")
  String grep;

  @Option(names = "--limit", paramLabel = "N", description = "Act on at most N messages")
  Integer limit;

  @Option(names = "--rate", paramLabel = "N/s", description = "At most N messages per second, e.g. 50/s (default: as fast as SQS allows)")
  String rate;

  /** The options checked and parsed; bad input is a {@link UsageError} before anything is touched. */
  record Resolved(Selector selector, Integer limit, Rate pace) {
    boolean reached(int count) {
      return limit != null && count >= limit;
    }

    /**
     * Receives through {@code lease} the messages that match, until the limit (counting {@code taken} already acted
     * on) or the end of what is visible; every other message received counts as skipped.
     */
    List<Item> receive(Lease lease, Summary summary, int taken) {
      List<Item> matched = new ArrayList<>();
      lease.receive(m -> {
        if (selector.matches(m.body())) matched.add(Item.of(m));
        else summary.skipped++;
      }, () -> reached(taken + matched.size()));
      return matched;
    }

    /** Adds what was selected to the summary's audit details. */
    void describeInto(Map<String, String> details) {
      if (selector.filterText() != null) details.put("filter", selector.filterText());
      if (selector.grepText() != null) details.put("grep", selector.grepText());
      if (limit != null) details.put("limit", limit.toString());
      if (pace != null) details.put("rate", pace.toString());
    }
  }

  Resolved resolve() {
    Rate pace = Rate.parse(rate);
    if (limit != null && limit < 1) throw new UsageError("--limit must be at least 1, got " + limit);
    return new Resolved(Selector.of(filter, grep), limit, pace);
  }
}

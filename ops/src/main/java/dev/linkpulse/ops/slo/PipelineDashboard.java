package dev.linkpulse.ops.slo;

import static dev.linkpulse.ops.slo.Widgets.expr;
import static dev.linkpulse.ops.slo.Widgets.graph;
import static dev.linkpulse.ops.slo.Widgets.line;
import static dev.linkpulse.ops.slo.Widgets.opts;
import static dev.linkpulse.ops.slo.Widgets.row;
import static dev.linkpulse.ops.slo.Widgets.withId;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code dashboards/pipeline.json}: a click's way through the pipeline, one row a stage: clicks in and lag; recorder
 * and aggregator outcomes; dead-letter queues and backlog; function errors and throttles; the HTTP API; then the
 * moderation saga of each state machine the alarms watch.
 */
final class PipelineDashboard {
  private final SloSpec spec;
  private final SloSpec.Pipeline p;
  private final String ns;
  private final String queue;
  private final Grid grid = new Grid();

  PipelineDashboard(SloSpec spec) {
    this.spec = spec;
    this.p = spec.pipeline();
    this.ns = spec.namespace();
    this.queue = "${" + p.queue() + "Name}";
  }

  Map<String, Object> body() {
    grid.text("# Linkpulse click pipeline\nA click: redirect -> EventBridge -> `" + p.queue() + "` -> recorder -> raw click -> "
        + "DynamoDB stream -> aggregator -> counters. Failures park in " + String.join(" and ", p.deadLetterQueues().stream()
        .map(q -> "`" + q + "`").toList()) + ". Generated from `alarms/slos.yaml` by `./linkpulse slo render`.", 2);
    flowAndLag();
    outcomes();
    queues();
    functions();
    api();
    stateMachines();
    tunedAlarms();
    return grid.body("-PT3H");
  }

  private void flowAndLag() {
    List<Object> flow = List.of(
        row(ns, "Requests", List.of("Service", "redirect"), opts("Sum", "redirects")),
        row("AWS/SQS", "NumberOfMessagesSent", List.of("QueueName", queue), opts("Sum", "queued (events in)")),
        row(ns, "ClicksRecorded", List.of("Service", "recorder"), opts("Sum", "recorded")),
        row(ns, "ClicksAggregated", List.of("Service", "aggregator"), opts("Sum", "aggregated")),
        row(ns, "ClickPublishFailed", List.of("Service", "redirect"), opts("Sum", "publish failed (lost)")));
    grid.add(0, 12, 6, graph("Clicks through the pipeline, per minute", flow, 60, List.of(), "clicks"));
    List<Object> lag = List.of(
        row(ns, "ClickAgeMax", List.of("Service", "aggregator"), opts("Maximum", "click age when counted (max)")),
        row("AWS/Lambda", "IteratorAge", List.of("FunctionName", fn(p.aggregator())), opts("Maximum", "stream iterator age (max)")),
        row("AWS/SQS", "ApproximateAgeOfOldestMessage", List.of("QueueName", queue), withId(opts("Maximum", null), "oldest", false)),
        expr("oldest * 1000", "oldest queued click", "oldestMs"));
    grid.add(12, 12, 6, graph("Lag (ms)", lag, 60, List.of(line("freshness objective (60 s)", 60000)), "ms"));
    grid.next(6);
  }

  private void outcomes() {
    grid.add(0, 12, 6, graph("Recorder: outcomes per minute",
        sums("recorder", "ClicksRecorded", "ClicksInvalid", "ClicksFailed", "BotClicks", "DuplicateDeliveries"), 60, List.of(), "clicks"));
    grid.add(12, 12, 6, graph("Aggregator: outcomes per minute",
        sums("aggregator", "ClicksAggregated", "ReplaysSkipped", "CounterWrites", "ClicksLate"), 60, List.of(), "count"));
    grid.next(6);
  }

  /** One row per metric of {@code service}, each its per-period sum labelled with its name. */
  private List<Object> sums(String service, String... metrics) {
    List<Object> rows = new ArrayList<>();
    for (String m : metrics) rows.add(row(ns, m, List.of("Service", service), opts("Sum", m)));
    return rows;
  }

  private void queues() {
    List<Object> dlq = new ArrayList<>();
    for (String q : p.deadLetterQueues()) {
      dlq.add(row("AWS/SQS", "ApproximateNumberOfMessagesVisible", List.of("QueueName", "${" + q + "Name}"), opts("Maximum", q)));
    }
    grid.add(0, 12, 6, graph("Dead-letter queue depth (objective: 0)", dlq, 60, List.of(line("objective", 0)), "messages"));
    List<Object> backlog = List.of(
        row("AWS/SQS", "ApproximateNumberOfMessagesVisible", List.of("QueueName", queue), opts("Maximum", "waiting")),
        row("AWS/SQS", "ApproximateNumberOfMessagesNotVisible", List.of("QueueName", queue), opts("Maximum", "in flight")));
    grid.add(12, 12, 6, graph(p.queue() + ": backlog", backlog, 60, List.of(), "messages"));
    grid.next(6);
  }

  private void functions() {
    List<Object> errors = new ArrayList<>();
    List<Object> throttles = new ArrayList<>();
    for (String f : List.of(p.redirect(), p.recorder(), p.aggregator())) {
      errors.add(row("AWS/Lambda", "Errors", List.of("FunctionName", fn(f)), opts("Sum", f)));
      throttles.add(row("AWS/Lambda", "Throttles", List.of("FunctionName", fn(f)), opts("Sum", f)));
    }
    grid.add(0, 12, 6, graph("Function errors per minute", errors, 60, List.of(), "errors"));
    grid.add(12, 12, 6, graph("Function throttles per minute", throttles, 60, List.of(), "throttles"));
    grid.next(6);
  }

  private void api() {
    String api = "${" + p.api() + "Id}";
    List<Object> http = new ArrayList<>();
    for (String m : List.of("Count", "4xx", "5xx")) http.add(row("AWS/ApiGateway", m, List.of("ApiId", api), opts("Sum", m)));
    grid.add(0, 12, 6, graph("HTTP API: requests and errors per minute", http, 60, List.of(), "requests"));
    List<Object> latency = List.of(
        row(ns, "Latency", List.of("Service", "redirect"), opts("p50", "redirect p50 (function)")),
        row(ns, "Latency", List.of("Service", "redirect"), opts("p99", "redirect p99 (function)")),
        row("AWS/ApiGateway", "Latency", List.of("ApiId", api), opts("p99", "HTTP API p99 (all routes)")));
    grid.add(12, 12, 6, graph("Latency (ms)", latency, 60, List.of(line("redirect p99 objective", 100)), "ms"));
    grid.next(6);
  }

  /** The sagas of every state machine an AWS/States alarm watches: how executions end, and how long they take. */
  private void stateMachines() {
    List<String> machines = spec.alarms().stream().map(SloSpec.SignalAlarm::metric).filter(m -> m.namespace().equals("AWS/States"))
        .map(m -> String.valueOf(m.dimensions().get("StateMachineArn"))).distinct().toList();
    for (String machine : machines) {
      List<Object> outcomes = new ArrayList<>();
      List<String> dims = List.of("StateMachineArn", "${" + machine + "Arn}");
      for (String m : List.of("ExecutionsStarted", "ExecutionsSucceeded", "ExecutionsFailed", "ExecutionsTimedOut", "ExecutionThrottled")) {
        outcomes.add(row("AWS/States", m, dims, opts("Sum", m)));
      }
      grid.add(0, 12, 6, graph(machine + ": executions per 5 minutes", outcomes, 300, List.of(), "executions"));
      List<Object> time = List.of(row("AWS/States", "ExecutionTime", dims, opts("p50", "p50")),
          row("AWS/States", "ExecutionTime", dims, opts("Maximum", "max")));
      grid.add(12, 12, 6, graph(machine + ": execution time (ms; a saga in review lasts until its decision)", time, 300, List.of(), "ms"));
      grid.next(6);
    }
  }

  /**
   * Each signal alarm whose threshold the deployment sets (a template parameter, like the review queue's age): its
   * signal at the alarm's period and statistic, against the threshold as deployed (a line drawn from the signal, as
   * an annotation cannot take a parameter and stay a number), two to a row.
   */
  private void tunedAlarms() {
    int x = 0;
    for (SloSpec.SignalAlarm a : spec.alarms()) {
      if (a.threshold().parameter() == null || a.metric().expand().size() != 1) continue;
      List<String> dims = new ArrayList<>();
      a.metric().expand().get(0).forEach((k, v) -> {
        dims.add(k);
        dims.add(StackParameters.sub(k, v));
      });
      int period = (int) a.period().getSeconds();
      List<Object> rows = List.of(row(a.metric().namespace(), a.metric().name(), dims, withId(opts(a.metric().stat(), a.metric().name()), "signal", true)),
          expr("signal * 0 + " + a.threshold().text(), a.id() + " fires at " + a.threshold().parameter(), "threshold"));
      grid.add(x, 12, 6, graph(a.title(), rows, period, List.of(), null));
      x += 12;
      if (x == Grid.WIDTH) {
        grid.next(6);
        x = 0;
      }
    }
    if (x > 0) grid.next(6);
  }

  private static String fn(String logicalId) {
    return "${" + logicalId + "Name}";
  }
}

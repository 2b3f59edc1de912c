package dev.linkpulse.local.alarms;

import dev.linkpulse.emulators.apigateway.RequestListener;
import dev.linkpulse.emulators.cloudwatch.LocalCloudWatch;
import dev.linkpulse.emulators.eventsources.StreamBatchListener;
import dev.linkpulse.emulators.lambda.InvocationListener;
import dev.linkpulse.emulators.stepfunctions.ExecutionListener;
import dev.linkpulse.emulators.time.Timeline;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The metrics AWS services publish for the stack's resources, under their AWS names and dimensions: Lambda's
 * {@code Invocations}, {@code Errors}, {@code Throttles} and {@code Duration} (FunctionName) per invocation, and
 * {@code IteratorAge} per stream batch; Step Functions' executions ({@link #states}); API Gateway's {@code Count},
 * {@code 4xx}, {@code 5xx} and {@code Latency} (ApiId) per request; EventBridge's {@code FailedInvocations}
 * (EventBusName, RuleName), only when not zero, as EventBridge sends it.
 */
final class ServiceMetrics {
  private ServiceMetrics() {}

  static InvocationListener lambda(LocalCloudWatch cw) {
    return (function, nanos, error) -> {
      Map<String, String> dims = Map.of("FunctionName", function);
      cw.putMetric("AWS/Lambda", "Invocations", dims, 1, "Count");
      cw.putMetric("AWS/Lambda", "Errors", dims, error ? 1 : 0, "Count");
      // The local runtime has no concurrency limit (the template reserves none), so nothing is ever throttled; the
      // zero is published so the throttle alarms read data, as on AWS, rather than missing data.
      cw.putMetric("AWS/Lambda", "Throttles", dims, 0, "Count");
      if (nanos > 0) cw.putMetric("AWS/Lambda", "Duration", dims, nanos / 1e6, "Milliseconds");
    };
  }

  /** IteratorAge: from the batch's last record being written to the stream to the batch reaching the function. */
  static StreamBatchListener iteratorAge(LocalCloudWatch cw, Timeline timeline) {
    return (function, lastRecordWritten) -> cw.putMetric("AWS/Lambda", "IteratorAge", Map.of("FunctionName", function),
        Math.max(0, Duration.between(lastRecordWritten, timeline.now()).toMillis()), "Milliseconds");
  }

  /**
   * Step Functions' AWS/States metrics of each state machine (StateMachineArn): ExecutionsStarted and
   * ExecutionThrottled (always 0: the local engine throttles nothing) at a start; at an end, one of
   * ExecutionsSucceeded, ExecutionsFailed, ExecutionsTimedOut, ExecutionsAborted, and ExecutionTime.
   */
  static ExecutionListener states(LocalCloudWatch cw) {
    return new ExecutionListener() {
      @Override
      public void started(String machine) {
        cw.putMetric("AWS/States", "ExecutionsStarted", Map.of("StateMachineArn", machine), 1, "Count");
        cw.putMetric("AWS/States", "ExecutionThrottled", Map.of("StateMachineArn", machine), 0, "Count");
      }

      @Override
      public void ended(String machine, String status, Duration ran) {
        String metric = switch (status) {
          case "SUCCEEDED" -> "ExecutionsSucceeded";
          case "TIMED_OUT" -> "ExecutionsTimedOut";
          case "ABORTED" -> "ExecutionsAborted";
          default -> "ExecutionsFailed";
        };
        cw.putMetric("AWS/States", metric, Map.of("StateMachineArn", machine), 1, "Count");
        cw.putMetric("AWS/States", "ExecutionTime", Map.of("StateMachineArn", machine), ran.toMillis(), "Milliseconds");
      }
    };
  }

  static RequestListener api(LocalCloudWatch cw, String apiId) {
    Map<String, String> dims = Map.of("ApiId", apiId);
    return (status, nanos) -> {
      cw.putMetric("AWS/ApiGateway", "Count", dims, 1, "Count");
      cw.putMetric("AWS/ApiGateway", "4xx", dims, status >= 400 && status < 500 ? 1 : 0, "Count");
      cw.putMetric("AWS/ApiGateway", "5xx", dims, status >= 500 ? 1 : 0, "Count");
      cw.putMetric("AWS/ApiGateway", "Latency", dims, nanos / 1e6, "Milliseconds");
    };
  }

  /** Once a minute: the deliveries that failed for good since the last minute, when there were any. */
  static Runnable failedInvocations(LocalCloudWatch cw, LongSupplier failedSoFar, String bus, String rule) {
    AtomicLong seen = new AtomicLong(failedSoFar.getAsLong());
    return () -> {
      long now = failedSoFar.getAsLong();
      long delta = now - seen.getAndSet(now);
      if (delta > 0) cw.putMetric("AWS/Events", "FailedInvocations", Map.of("EventBusName", bus, "RuleName", rule), delta, "Count");
    };
  }
}

package dev.linkpulse.local.alarms;

import dev.linkpulse.emulators.apigateway.RequestListener;
import dev.linkpulse.emulators.cloudwatch.LocalCloudWatch;
import dev.linkpulse.emulators.lambda.InvocationListener;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The metrics AWS services publish for the stack's resources, under their AWS names and dimensions: Lambda's
 * {@code Invocations}, {@code Errors} and {@code Duration} (FunctionName) per invocation; API Gateway's {@code Count},
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
      if (nanos > 0) cw.putMetric("AWS/Lambda", "Duration", dims, nanos / 1e6, "Milliseconds");
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

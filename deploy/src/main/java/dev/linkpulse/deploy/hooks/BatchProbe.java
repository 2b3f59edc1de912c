package dev.linkpulse.deploy.hooks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.linkpulse.core.Json;
import java.util.function.Supplier;

/**
 * PreTraffic for a batch consumer (the recorder's SQS batch, the aggregator's stream batch): the new version takes a
 * batch of canary clicks and reports no item failures.
 */
final class BatchProbe implements Check {
  private final VersionInvoker invoker;
  private final String version;
  private final Supplier<String> batch;
  private final String what;

  BatchProbe(VersionInvoker invoker, String version, Supplier<String> batch, String what) {
    this.invoker = invoker;
    this.version = version;
    this.batch = batch;
    this.what = what;
  }

  @Override
  public Verdict run() throws Exception {
    JsonNode answer = Json.tree(invoker.invoke(version, batch.get()));
    JsonNode failures = answer == null ? null : answer.get("batchItemFailures");
    if (failures == null || !failures.isArray()) return Verdict.fail(version + " answered a " + what + " without batchItemFailures: " + answer);
    if (!failures.isEmpty()) return Verdict.fail(version + " failed " + failures.size() + " items of a " + what + ": " + failures);
    return Verdict.pass(version + " took a " + what + " with no failures");
  }
}

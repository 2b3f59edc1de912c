package dev.linkpulse.emulators.stepfunctions;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The spec's input and output processing, in its order: InputPath selects from the raw input, Parameters builds
 * the effective input, the result goes through ResultSelector, ResultPath places it into the <em>raw</em> input,
 * and OutputPath selects the output. Payloads are held to AWS's 256 KiB quota.
 */
final class DataFlow {
  /** AWS's payload quota for state input, output and task results: 256 KiB of UTF-8. */
  static final int MAX_PAYLOAD_BYTES = 262_144;

  private DataFlow() {}

  static JsonNode inputPath(Definition.PathField inputPath, JsonNode raw) {
    return apply(inputPath, raw);
  }

  static JsonNode outputPath(Definition.PathField outputPath, JsonNode data) {
    return apply(outputPath, data);
  }

  private static JsonNode apply(Definition.PathField field, JsonNode data) {
    if (field.discard()) return Json.object();
    return field.path().select(data);
  }

  /** Parameters (or ItemSelector) rendered against the effective input, or the input itself when there are none. */
  static JsonNode parameters(PayloadTemplate parameters, JsonNode input, JsonNode context) {
    return parameters == null ? input : parameters.render(input, context);
  }

  /** ResultSelector then ResultPath: the state's output before OutputPath. */
  static JsonNode result(Definition.Processing p, JsonNode raw, JsonNode result, JsonNode context) {
    JsonNode selected = p.resultSelector() == null ? result : p.resultSelector().render(result, context);
    return resultPath(p.resultPath(), raw, selected);
  }

  static JsonNode resultPath(Definition.PathField resultPath, JsonNode raw, JsonNode result) {
    if (resultPath.discard()) return raw;
    return resultPath.path().set(raw, result);
  }

  /** {@code States.DataLimitExceeded} when {@code payload} is over the quota. */
  static JsonNode checkSize(JsonNode payload, String what) {
    int size = Json.utf8Size(payload);
    if (size > MAX_PAYLOAD_BYTES) {
      throw new StatesError(StatesError.DATA_LIMIT_EXCEEDED, "The " + what + " has " + size
          + " bytes, more than the " + MAX_PAYLOAD_BYTES + "-byte quota");
    }
    return payload;
  }
}

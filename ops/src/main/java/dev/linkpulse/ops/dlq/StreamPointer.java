package dev.linkpulse.ops.dlq;

import com.fasterxml.jackson.databind.JsonNode;
import dev.linkpulse.core.Json;
import java.math.BigInteger;

/**
 * A message of the stream on-failure destination: Lambda's on-failure record, of which this keeps the
 * {@code DDBStreamBatchInfo}, the shard and the first and last sequence number of the batch that failed.
 */
record StreamPointer(String shardId, String startSequenceNumber, String endSequenceNumber, int batchSize, String streamArn) {
  BigInteger start() {
    return new BigInteger(startSequenceNumber);
  }

  BigInteger end() {
    return new BigInteger(endSequenceNumber);
  }

  /** {@code arn:aws:dynamodb:<region>:<account>:table/<name>/stream/<label>} -> name. */
  String tableName() {
    int t = streamArn.indexOf(":table/");
    if (t < 0) return null;
    String rest = streamArn.substring(t + ":table/".length());
    int slash = rest.indexOf('/');
    return slash < 0 ? rest : rest.substring(0, slash);
  }

  String describe() {
    return "shard " + shardId + " " + startSequenceNumber + ".." + endSequenceNumber + " (" + Show.count(batchSize, "record") + ")";
  }

  static StreamPointer parse(String body) {
    JsonNode root;
    try {
      root = Json.tree(body);
    } catch (Exception e) {
      throw new ReplayException("not a stream on-failure record: the body is not JSON", false);
    }
    JsonNode info = root == null ? null : root.get("DDBStreamBatchInfo");
    if (info == null || !info.isObject()) {
      throw new ReplayException("not a stream on-failure record: no DDBStreamBatchInfo (is this a queue of clicks? pass --to to move it)", false);
    }
    String shard = text(info, "shardId");
    String start = text(info, "startSequenceNumber");
    String end = text(info, "endSequenceNumber");
    String stream = text(info, "streamArn");
    if (shard == null || start == null || end == null || stream == null) {
      throw new ReplayException("DDBStreamBatchInfo lacks shardId, startSequenceNumber, endSequenceNumber or streamArn", false);
    }
    if (!start.matches("\\d{1,40}") || !end.matches("\\d{1,40}") || new BigInteger(start).compareTo(new BigInteger(end)) > 0) {
      throw new ReplayException("DDBStreamBatchInfo has an invalid sequence range " + start + ".." + end, false);
    }
    return new StreamPointer(shard, start, end, info.path("batchSize").asInt(-1), stream);
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v != null && v.isTextual() && !v.asText().isBlank() ? v.asText() : null;
  }
}


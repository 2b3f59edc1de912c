package dev.linkpulse.emulators.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;

/** ListStreams, DescribeStream, GetShardIterator and GetRecords (DynamoDB Streams API Reference). */
final class StreamOperations {
  static final int MAX_RECORDS = 1000;
  static final int MAX_SHARDS = 100;
  private final Engine engine;

  StreamOperations(Engine engine) {
    this.engine = engine;
  }

  JsonNode listStreams(JsonNode request) {
    int limit = request.path("Limit").asInt(MAX_SHARDS);
    String table = request.path("TableName").asText(null);
    String after = request.path("ExclusiveStartStreamArn").asText(null);
    return engine.locked(() -> {
      List<Table> tables = table == null ? engine.tables() : List.of(engine.table(table));
      List<StreamLog> streams = tables.stream().filter(t -> t.stream != null).map(t -> t.stream)
          .filter(s -> after == null || s.arn.compareTo(after) > 0).toList();
      ObjectNode response = Values.JSON.createObjectNode();
      ArrayNode out = response.putArray("Streams");
      streams.stream().limit(limit).forEach(s -> out.addObject().put("StreamArn", s.arn).put("TableName", s.tableName).put("StreamLabel", s.label));
      if (streams.size() > limit) response.put("LastEvaluatedStreamArn", streams.get(limit - 1).arn);
      return response;
    });
  }

  JsonNode describeStream(JsonNode request) {
    int limit = request.path("Limit").asInt(MAX_SHARDS);
    if (limit < 1 || limit > MAX_SHARDS) throw Errors.validation("Limit must be between 1 and " + MAX_SHARDS);
    String after = request.path("ExclusiveStartShardId").asText(null);
    return engine.locked(() -> {
      Table t = streamTable(request.path("StreamArn").asText(null));
      ObjectNode d = t.stream.describe(t.spec.created);
      ArrayNode shards = d.putArray("Shards");
      List<Shard> all = t.stream.shards(engine.now());
      int start = 0;
      if (after != null) {
        for (int i = 0; i < all.size(); i++) if (all.get(i).id.equals(after)) start = i + 1;
      }
      List<Shard> page = all.subList(start, Math.min(all.size(), start + limit));
      page.forEach(s -> shards.add(s.describe()));
      if (start + limit < all.size()) d.put("LastEvaluatedShardId", page.get(page.size() - 1).id);
      ObjectNode response = Values.JSON.createObjectNode();
      response.set("StreamDescription", d);
      return response;
    });
  }

  JsonNode getShardIterator(JsonNode request) {
    String type = Requests.choice(request, "ShardIteratorType", "", List.of("TRIM_HORIZON", "LATEST", "AT_SEQUENCE_NUMBER", "AFTER_SEQUENCE_NUMBER"));
    String arn = request.path("StreamArn").asText(null);
    return engine.locked(() -> {
      Table t = streamTable(arn);
      Instant now = engine.now();
      t.stream.trim(now);
      Shard shard = shard(t, request.path("ShardId").asText(""));
      long after = switch (type) {
        case "TRIM_HORIZON" -> Math.max(shard.firstSequence - 1, shard.trimmedThrough);
        case "LATEST" -> shard.closed ? shard.lastSequence : Math.max(shard.firstSequence - 1, shard.lastSequence);
        default -> {
          long seq = StreamLabels.parseSequence(request.path("SequenceNumber").asText(null));
          if (seq < 0 || !shard.contains(seq)) {
            throw Errors.validation("Invalid SequenceNumber for the given ShardId: " + request.path("SequenceNumber").asText());
          }
          if (seq <= shard.trimmedThrough) throw Errors.trimmedData("Attempted to access data that has been trimmed from the stream");
          yield type.equals("AT_SEQUENCE_NUMBER") ? seq - 1 : seq;
        }
      };
      ObjectNode response = Values.JSON.createObjectNode();
      response.put("ShardIterator", ShardIterators.encode(new ShardIterators.Position(arn, shard.id, after, type.equals("TRIM_HORIZON"), now)));
      return response;
    });
  }

  JsonNode getRecords(JsonNode request) {
    int limit = request.path("Limit").asInt(MAX_RECORDS);
    if (limit < 1 || limit > MAX_RECORDS) {
      throw Errors.validation("1 validation error detected: Value '" + limit + "' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 1000");
    }
    if (!request.hasNonNull("ShardIterator")) throw Errors.validation("ShardIterator must not be null");
    ShardIterators.Position p = ShardIterators.decode(request.get("ShardIterator").asText());
    return engine.locked(() -> {
      Instant now = engine.now();
      if (!p.issued().plus(ShardIterators.LIFETIME).isAfter(now)) throw Errors.expiredIterator();
      Table t = streamTable(p.streamArn());
      t.stream.trim(now);
      Shard shard = shard(t, p.shardId());
      if (!p.fromTrimHorizon() && p.after() < shard.trimmedThrough) {
        throw Errors.trimmedData("Attempted to access data that has been trimmed from the stream");
      }
      List<Shard.Entry> entries = shard.after(Math.max(p.after(), shard.trimmedThrough), limit);
      ObjectNode response = Values.JSON.createObjectNode();
      ArrayNode records = response.putArray("Records");
      entries.forEach(e -> records.add(e.record()));
      long last = entries.isEmpty() ? Math.max(p.after(), shard.trimmedThrough) : entries.get(entries.size() - 1).sequence();
      boolean exhausted = shard.closed && last >= shard.lastSequence;
      if (!exhausted) {
        response.put("NextShardIterator", ShardIterators.encode(new ShardIterators.Position(p.streamArn(), shard.id, last, p.fromTrimHorizon(), now)));
      }
      return response;
    });
  }

  private Table streamTable(String arn) {
    if (arn == null) throw Errors.validation("StreamArn must not be null");
    for (Table t : engine.tables()) {
      if (t.stream != null && t.stream.arn.equals(arn)) return t;
    }
    throw Errors.resourceNotFound("Requested resource not found: Stream: " + arn + " not found");
  }

  private static Shard shard(Table t, String id) {
    Shard s = t.stream.shard(id);
    if (s == null) throw Errors.resourceNotFound("Requested resource not found: Shard: " + id + " in Stream: " + t.stream.arn + " not found");
    return s;
  }
}

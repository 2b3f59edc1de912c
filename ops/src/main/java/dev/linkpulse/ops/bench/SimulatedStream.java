package dev.linkpulse.ops.bench;

import dev.linkpulse.core.Hashing;
import dev.linkpulse.pipeline.clicks.StreamClick;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * A table stream shaped the way DynamoDB Streams delivers one: a shard per table partition, an item's records always
 * in the shard its partition key hashes to, in write order, with sequence numbers that only grow. Only INSERTs of raw
 * clicks are kept (the aggregator's FilterCriteria drops the rest). A poller reads a shard from a position and may
 * be sent back to an earlier one, as a partial batch failure sends Lambda's.
 */
final class SimulatedStream {
  private record Entry(StreamClick record, long createdMillis) {}

  private final List<List<Entry>> shards = new ArrayList<>();
  private final int[] positions;
  private BigInteger nextSequence = new BigInteger("100000000000000000000");

  SimulatedStream(int shardCount) {
    for (int i = 0; i < shardCount; i++) shards.add(new ArrayList<>());
    positions = new int[shardCount];
  }

  int shardCount() {
    return shards.size();
  }

  int shardOf(String partitionKey) {
    return Math.floorMod(Hashing.fnv1a32(partitionKey), shards.size());
  }

  /** An INSERT of a raw click under {@code partitionKey}, written at {@code atMillis} (simulated). */
  void insert(String partitionKey, dev.linkpulse.pipeline.clicks.RawClick click, long atMillis) {
    nextSequence = nextSequence.add(BigInteger.ONE);
    shards.get(shardOf(partitionKey)).add(new Entry(new StreamClick(nextSequence.toString(), partitionKey, click), atMillis));
  }

  /** Records waiting in a shard past its poller's position. */
  int waiting(int shard) {
    return shards.get(shard).size() - positions[shard];
  }

  /** When the oldest waiting record of a shard was written, or -1 if none waits. */
  long oldestWaitingMillis(int shard) {
    return waiting(shard) == 0 ? -1 : shards.get(shard).get(positions[shard]).createdMillis();
  }

  /** Up to {@code max} waiting records of a shard, in order; the position moves past them. */
  List<StreamClick> take(int shard, int max) {
    List<Entry> log = shards.get(shard);
    int from = positions[shard];
    int to = Math.min(log.size(), from + max);
    positions[shard] = to;
    return log.subList(from, to).stream().map(Entry::record).toList();
  }

  /** Sends a shard's poller back to the record with {@code sequenceNumber} (it and everything after it come again). */
  void rewind(int shard, String sequenceNumber) {
    List<Entry> log = shards.get(shard);
    for (int i = positions[shard] - 1; i >= 0; i--) {
      if (log.get(i).record().sequenceNumber().equals(sequenceNumber)) {
        positions[shard] = i;
        return;
      }
    }
    throw new IllegalArgumentException("sequence " + sequenceNumber + " was never delivered from shard " + shard);
  }
}

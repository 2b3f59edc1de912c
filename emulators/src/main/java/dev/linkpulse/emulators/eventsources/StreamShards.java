package dev.linkpulse.emulators.eventsources;

import dev.linkpulse.emulators.eventsources.StreamEventSource.StartingPosition;
import dev.linkpulse.emulators.protocol.NamedThreads;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import software.amazon.awssdk.services.dynamodb.model.DescribeStreamResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.event.ruler.Machine;

/**
 * The shards of a stream mapping, as {@link StreamEventSource} documents: lists them (at start, every second, at
 * once when a shard ends, and when asked to), starts a {@link ShardReader} thread for each whose parent is done,
 * and answers whether every shard has caught up. Everything it holds is guarded by one lock, which the readers
 * notify when a shard goes idle.
 */
final class StreamShards {
  private static final long REFRESH_MILLIS = 1000;
  private static final Logger LOG = Logger.getLogger(StreamShards.class.getName());

  private final StreamEventSource.Config config;
  private final DynamoDbStreamsClient streams;
  private final Machine filter;
  private final StreamStats stats;
  private final MappingLifecycle life;
  private final StreamBatches batches;
  private final NamedThreads threads;
  private final String threadName;
  private final Object lock = new Object();
  private final Map<String, ShardState> shards = new LinkedHashMap<>();
  private boolean refreshRequested;
  /** nanoTime at which the last completed shard refresh began. */
  private long refreshedAt = Long.MIN_VALUE;

  StreamShards(StreamEventSource.Config config, DynamoDbStreamsClient streams, StreamStats stats, MappingLifecycle life,
      StreamBatches batches, NamedThreads threads) {
    this.config = config;
    this.streams = streams;
    this.filter = FilterCriteria.compile(config.filterPatterns());
    this.stats = stats;
    this.life = life;
    this.batches = batches;
    this.threads = threads;
    this.threadName = "stream-esm-" + config.function().name();
  }

  /** Lists the shards (a stream that does not exist fails here), positions LATEST shards, and starts polling. */
  void start() {
    synchronized (lock) {
      if (life.used()) throw new IllegalStateException("already started");
      long t = System.nanoTime();
      for (Shard shard : describe()) {
        ShardState state = new ShardState(shard.shardId(), shard.parentShardId());
        if (config.startingPosition() == StartingPosition.LATEST) {
          if (shard.sequenceNumberRange() != null && shard.sequenceNumberRange().endingSequenceNumber() != null) {
            state.status = ShardState.Status.DONE;
          } else {
            state.iterator = ShardReader.iterator(streams, config.streamArn(), shard.shardId(), ShardIteratorType.LATEST, null);
          }
        }
        shards.put(shard.shardId(), state);
      }
      refreshedAt = t;
      life.begin();
      startEligible();
      threads.start(threadName, this::coordinate);
    }
  }

  /** Stops the mapping and wakes every thread waiting on the lock; no reader starts after this. */
  void stop() {
    synchronized (lock) {
      life.stop();
      lock.notifyAll();
    }
  }

  /** See {@link StreamEventSource#awaitIdle}; {@code deadline} in nanoTime. */
  boolean awaitCaughtUp(long since, long deadline) throws InterruptedException {
    synchronized (lock) {
      refreshRequested = true;
      lock.notifyAll();
      while (!caughtUpSince(since)) {
        long left = deadline - System.nanoTime();
        if (left <= 0 || !life.running()) return caughtUpSince(since);
        TimeUnit.NANOSECONDS.timedWait(lock, left);
      }
      return true;
    }
  }

  Map<String, String> checkpoints() {
    synchronized (lock) {
      Map<String, String> out = new LinkedHashMap<>();
      shards.forEach((id, s) -> {
        if (s.checkpoint != null) out.put(id, s.checkpoint);
      });
      return out;
    }
  }

  private void coordinate() {
    while (life.running()) {
      try {
        long t = System.nanoTime();
        List<Shard> listed = describe();
        synchronized (lock) {
          for (Shard shard : listed) shards.computeIfAbsent(shard.shardId(), id -> new ShardState(id, shard.parentShardId()));
          refreshedAt = t;
          startEligible();
          lock.notifyAll();
          // workers notify the lock often (idle reports): wait out the interval unless a refresh is asked for
          long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(REFRESH_MILLIS);
          while (life.running() && !refreshRequested) {
            long left = until - System.nanoTime();
            if (left <= 0) break;
            TimeUnit.NANOSECONDS.timedWait(lock, left);
          }
          refreshRequested = false;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        if (!life.running()) return;
        LOG.log(Level.WARNING, "stream event source " + config.streamArn() + ": cannot list shards: " + e, e);
        life.pause(REFRESH_MILLIS);
      }
    }
  }

  /** Starts a worker for each pending shard whose parent is done or unknown. Holds {@link #lock}. */
  private void startEligible() {
    for (ShardState s : shards.values()) {
      if (s.status != ShardState.Status.PENDING || !life.running()) continue;
      ShardState parent = s.parentId == null ? null : shards.get(s.parentId);
      if (parent != null && parent.status != ShardState.Status.DONE) continue;
      s.status = ShardState.Status.RUNNING;
      String suffix = s.id.length() > 8 ? s.id.substring(s.id.length() - 8) : s.id;
      threads.start(threadName + "-" + suffix, () -> runShard(s));
    }
  }

  private boolean caughtUpSince(long since) {
    if (refreshedAt == Long.MIN_VALUE || refreshedAt - since < 0) return false;
    for (ShardState s : shards.values()) {
      if (s.status == ShardState.Status.DONE) continue;
      if (s.status == ShardState.Status.PENDING) return false;
      long idle = s.idleSince;
      if (idle == Long.MIN_VALUE || idle - since < 0) return false;
    }
    return true;
  }

  private List<Shard> describe() {
    List<Shard> all = new ArrayList<>();
    String start = null;
    do {
      String from = start;
      DescribeStreamResponse r = streams.describeStream(b -> b.streamArn(config.streamArn()).exclusiveStartShardId(from));
      all.addAll(r.streamDescription().shards());
      start = r.streamDescription().lastEvaluatedShardId();
    } while (start != null);
    return all;
  }

  private void runShard(ShardState shard) {
    ShardReader reader = new ShardReader(shard, config, streams, filter, stats, lock, life, batches);
    while (life.running()) {
      try {
        if (reader.read()) {
          finished(shard, true);
        }
        return;
      } catch (ResourceNotFoundException e) {
        LOG.warning("stream " + config.streamArn() + " shard " + shard.id + " is gone: " + e.getMessage());
        finished(shard, false);
        return;
      } catch (RuntimeException e) {
        if (!life.running()) return;
        // the DynamoDB engine unreachable, a failed on-failure send, ...: keep the shard's place and try again
        LOG.log(Level.WARNING, "stream event source " + config.streamArn() + " shard " + shard.id + ": " + e, e);
        life.pause(1000);
      }
    }
  }

  private void finished(ShardState shard, boolean refresh) {
    synchronized (lock) {
      shard.status = ShardState.Status.DONE;
      refreshRequested |= refresh;
      lock.notifyAll();
    }
  }
}

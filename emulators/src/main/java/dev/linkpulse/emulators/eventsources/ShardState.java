package dev.linkpulse.emulators.eventsources;

/** One shard of a stream mapping: whether it is read yet, where its reading starts and where it got to. */
final class ShardState {
  enum Status { PENDING, RUNNING, DONE }

  final String id;
  final String parentId;
  Status status = Status.PENDING;
  /** A LATEST iterator obtained at start(); null = start at TRIM_HORIZON. */
  String iterator;
  /** nanoTime at which the last GetRecords that found nothing (with nothing pending) began; MIN_VALUE = busy. */
  volatile long idleSince = Long.MIN_VALUE;
  /** The last sequence number processed (delivered, filtered out or discarded): records up to it are done. */
  volatile String checkpoint;

  ShardState(String id, String parentId) {
    this.id = id;
    this.parentId = parentId;
  }
}

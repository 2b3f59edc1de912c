package dev.linkpulse.pipeline.clicks;

import java.math.BigInteger;

/**
 * A raw click as the table's stream delivered it: with its sequence number, and the partition (raw click key) it
 * was written under. Records of one partition key always reach the stream in order, through one shard at a time,
 * and a child shard's sequence numbers follow its parent's: so per partition, sequence numbers only grow.
 */
public record StreamClick(String sequenceNumber, String partition, RawClick click) {
  /** Sequence numbers are decimal strings of varying length: compare them as numbers, never as text. */
  public BigInteger sequence() {
    return new BigInteger(sequenceNumber);
  }
}

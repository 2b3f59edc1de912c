package dev.linkpulse.emulators.dynamodb;

import java.util.HashMap;
import java.util.Map;

/**
 * DynamoDB's per-partition limits (Developer Guide, "Partitions and data distribution": a partition serves up to
 * 3,000 RCU and 1,000 WCU per second), held per partition key value when switched on. An on-demand table refuses a
 * request past them with {@code ProvisionedThroughputExceededException}, as AWS does for a hot key. Windows are
 * whole seconds of the engine's timeline. Guarded by the engine's lock.
 */
final class PartitionThrottle {
  static final double WRITE_UNITS_PER_SECOND = 1000;
  static final double READ_UNITS_PER_SECOND = 3000;

  private record Window(long second, double[] used) {}

  private volatile boolean enabled;
  private final Map<String, Window> windows = new HashMap<>();

  PartitionThrottle(boolean enabled) {
    this.enabled = enabled;
  }

  void enabled(boolean on) {
    enabled = on;
    if (!on) windows.clear();
  }

  boolean enabled() {
    return enabled;
  }

  /** True when {@code units} more fit into this partition's current second; does not charge them. */
  boolean admits(String table, String partition, boolean write, double units, long second) {
    if (!enabled) return true;
    Window w = windows.get(table + "\u0000" + partition);
    double used = w == null || w.second != second ? 0 : w.used[write ? 1 : 0];
    return used + units <= (write ? WRITE_UNITS_PER_SECOND : READ_UNITS_PER_SECOND);
  }

  void charge(String table, String partition, boolean write, double units, long second) {
    if (!enabled) return;
    String key = table + "\u0000" + partition;
    Window w = windows.get(key);
    if (w == null || w.second != second) {
      if (windows.size() > 100_000) windows.values().removeIf(old -> old.second < second);
      w = new Window(second, new double[2]);
      windows.put(key, w);
    }
    w.used[write ? 1 : 0] += units;
  }

  /** Checks and charges at once; throws {@code ProvisionedThroughputExceededException} past the limit. */
  void acquire(String table, String partition, boolean write, double units, long second) {
    if (!admits(table, partition, write, units, second)) throw Errors.throughputExceeded();
    charge(table, partition, write, units, second);
  }
}

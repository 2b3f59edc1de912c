package dev.linkpulse.emulators.cloudwatch;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A metric as CloudWatch identifies it: namespace, name and the exact set of dimensions. The same name with one
 * dimension more or less is another metric, and the order in which dimensions were sent does not matter.
 */
record MetricId(String namespace, String name, SortedMap<String, String> dimensions) {
  MetricId {
    dimensions = Collections.unmodifiableSortedMap(new TreeMap<>(dimensions));
  }

  static MetricId of(String namespace, String name, Map<String, String> dimensions) {
    return new MetricId(namespace, name, new TreeMap<>(dimensions));
  }

  @Override
  public String toString() {
    return namespace + "/" + name + dimensions;
  }
}

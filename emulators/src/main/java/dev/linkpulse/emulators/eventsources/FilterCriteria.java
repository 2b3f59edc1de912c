package dev.linkpulse.emulators.eventsources;

import java.util.List;
import software.amazon.event.ruler.Machine;

/** Lambda's FilterCriteria: a record is kept if it matches any pattern (Event Ruler against the record's JSON). */
final class FilterCriteria {
  private FilterCriteria() {}

  /** The patterns compiled into one machine, or null when there are none (every record is kept). */
  static Machine compile(List<String> patterns) {
    if (patterns.isEmpty()) return null;
    Machine filter = new Machine();
    for (int i = 0; i < patterns.size(); i++) {
      String pattern = patterns.get(i);
      try {
        filter.addRule("filter-" + i, pattern);
      } catch (Exception e) {
        throw new IllegalArgumentException("invalid filter pattern " + pattern + ": " + e.getMessage(), e);
      }
    }
    return filter;
  }
}

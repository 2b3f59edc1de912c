package dev.linkpulse.gatling;

import java.util.List;

/**
 * The links a scenario clicks. The scenario is built before {@code before()} creates them, so the set is filled
 * then; the first is the most popular under Zipf, and ViralLink's viral one.
 */
final class LinkSet {
  private volatile List<String> codes = List.of();

  void fill(List<String> created) {
    if (created.isEmpty()) throw new IllegalArgumentException("a scenario needs at least one link");
    codes = List.copyOf(created);
  }

  String code(int rank) {
    List<String> c = codes;
    if (c.isEmpty()) throw new IllegalStateException("no links yet: before() creates them");
    return c.get(rank);
  }

  List<String> codes() {
    return codes;
  }
}

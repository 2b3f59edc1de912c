package dev.linkpulse.gatling;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.ToIntFunction;
import java.util.random.RandomGenerator;

/**
 * An endless feeder of clicks: which link (by popularity rank) and how the visit arrives. Stateless apart from
 * the thread's own random generator, so it is safe however Gatling shares it between virtual users.
 */
final class ClickFeeder implements Iterator<Map<String, Object>> {
  private final LinkSet links;
  private final ToIntFunction<RandomGenerator> rank;
  private final TrafficMix mix;

  ClickFeeder(LinkSet links, ToIntFunction<RandomGenerator> rank, TrafficMix mix) {
    this.links = links;
    this.rank = rank;
    this.mix = mix;
  }

  /** Zipf(1.1) popularity over every link. */
  static ClickFeeder zipf(LinkSet links, int size, TrafficMix mix) {
    Zipf zipf = new Zipf(size, 1.1);
    return new ClickFeeder(links, r -> zipf.rank(r.nextDouble()), mix);
  }

  /** The first link takes {@code viralShare} of the clicks; the others share the rest under Zipf(1.1). */
  static ClickFeeder viral(LinkSet links, int size, double viralShare, TrafficMix mix) {
    Zipf rest = size > 1 ? new Zipf(size - 1, 1.1) : null;
    return new ClickFeeder(links, r -> rest == null || r.nextDouble() < viralShare ? 0 : 1 + rest.rank(r.nextDouble()), mix);
  }

  @Override
  public boolean hasNext() {
    return true;
  }

  @Override
  public Map<String, Object> next() {
    RandomGenerator random = ThreadLocalRandom.current();
    Map<String, Object> click = new HashMap<>(mix.next(random).attributes());
    click.put("code", links.code(rank.applyAsInt(random)));
    return click;
  }
}

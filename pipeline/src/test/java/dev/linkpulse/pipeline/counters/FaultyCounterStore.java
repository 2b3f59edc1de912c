package dev.linkpulse.pipeline.counters;

import dev.linkpulse.core.links.LinkLife;
import java.time.Instant;
import java.util.List;

/**
 * A {@link CounterStore} decorator that injects one fault at its {@code onCall}-th save, to prove the aggregator
 * counts exactly once through it. Loads and ranges pass through.
 */
public final class FaultyCounterStore implements CounterStore {
  public enum Fault {
    /** Nothing goes wrong. */
    NONE,
    /** The save is refused before anything is written (throttled, or timed out before the request left). */
    FAIL,
    /** The save is written, then its response is lost: the caller sees a failure although the write happened. */
    LOSE_ACKNOWLEDGEMENT,
    /** The save is written, then the process dies: nothing after it runs, and the whole batch comes again. */
    CRASH,
    /** Another writer saves first, between this writer's load and its save. */
    RACE
  }

  /** A process crash: an Error, which the aggregator does not catch, so it escapes the handler. */
  public static final class Crash extends Error {
    Crash() {
      super("simulated crash after a counter write");
    }
  }

  private final CounterStore inner;
  private final int onCall;
  private final Fault fault;
  private final Runnable otherWriter;
  private int calls;

  /** @param otherWriter what {@link Fault#RACE} runs before letting the save through; it must use {@code inner} */
  public FaultyCounterStore(CounterStore inner, int onCall, Fault fault, Runnable otherWriter) {
    this.inner = inner;
    this.onCall = onCall;
    this.fault = fault;
    this.otherWriter = otherWriter;
  }

  public FaultyCounterStore(CounterStore inner, int onCall, Fault fault) {
    this(inner, onCall, fault, () -> {});
  }

  @Override
  public CounterState load(LinkLife life, Instant hour) {
    return inner.load(life, hour);
  }

  @Override
  public boolean save(CounterState state) {
    if (++calls != onCall) return inner.save(state);
    switch (fault) {
      case FAIL -> throw new IllegalStateException("throttled");
      case LOSE_ACKNOWLEDGEMENT -> {
        inner.save(state);
        throw new IllegalStateException("the connection dropped before the response arrived");
      }
      case CRASH -> {
        inner.save(state);
        throw new Crash();
      }
      case RACE -> otherWriter.run();
      case NONE -> { }
    }
    return inner.save(state);
  }

  @Override
  public List<CounterState> range(LinkLife life, Instant from, Instant to) {
    return inner.range(life, from, to);
  }
}

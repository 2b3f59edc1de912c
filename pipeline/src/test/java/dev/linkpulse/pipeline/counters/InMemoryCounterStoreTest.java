package dev.linkpulse.pipeline.counters;

/** The in-memory model keeps the store's contract. */
class InMemoryCounterStoreTest extends CounterStoreContract {
  private final InMemoryCounterStore store = new InMemoryCounterStore();

  @Override
  CounterStore store() {
    return store;
  }
}

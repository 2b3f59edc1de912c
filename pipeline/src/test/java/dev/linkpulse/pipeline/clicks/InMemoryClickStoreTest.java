package dev.linkpulse.pipeline.clicks;

/** The in-memory model keeps the click store's contract. */
class InMemoryClickStoreTest extends ClickStoreContract {
  private final InMemoryClickStore store = new InMemoryClickStore();

  @Override
  ClickStore store() {
    return store;
  }
}

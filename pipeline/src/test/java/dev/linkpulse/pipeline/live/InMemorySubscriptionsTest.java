package dev.linkpulse.pipeline.live;

/** The in-memory model keeps the subscriptions' contract. */
class InMemorySubscriptionsTest extends SubscriptionsContract {
  private final InMemorySubscriptions subscriptions = new InMemorySubscriptions(clock);

  @Override
  Subscriptions subscriptions() {
    return subscriptions;
  }
}

package dev.linkpulse.emulators.protocol;

import dev.linkpulse.emulators.time.Timeline;
import java.util.Objects;

/** An endpoint builder whose emulator also keeps time: every wait, TTL, timeout and window runs on its timeline. */
public abstract class EmulatorBuilder<B extends EmulatorBuilder<B>> extends EndpointBuilder<B> {
  private Timeline timeline = Timeline.system();

  protected EmulatorBuilder() {}

  /** The clock the emulator runs on: the wall clock (default), {@code Timeline.scaled(n)}, or a manual one in tests. */
  @SuppressWarnings("unchecked")
  public final B timeline(Timeline timeline) {
    this.timeline = Objects.requireNonNull(timeline, "timeline");
    return (B) this;
  }

  public final Timeline clock() {
    return timeline;
  }
}

package dev.linkpulse.local.drills;

import dev.linkpulse.emulators.dynamodb.DynamoDbFaults;
import dev.linkpulse.emulators.time.Timeline;
import dev.linkpulse.emulators.lambda.LocalFunction;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs drills on the stack: each starts at once and ends by itself when its time is up on the stack's timeline (a
 * test moves it; {@code up} follows the wall clock), or when stopped. Ending a DynamoDB drill clears the engine's
 * fault rules, those set by hand with {@code ./linkpulse faults} included.
 */
public final class Drills {
  /** The error the DynamoDB engine answers a drill's failed lookup with: a 400, which the SDK does not retry. */
  static final String ERROR = "LinkpulseDrillFault";
  private final Timeline timeline;
  private final DynamoDbFaults faults;
  private final String table;
  private final LocalFunction recorder;
  private final List<Active> active = new ArrayList<>();

  private record Active(Drill.Running running, Timeline.Scheduled end) {}

  public Drills(Timeline timeline, DynamoDbFaults faults, String table, LocalFunction recorder) {
    this.timeline = timeline;
    this.faults = faults;
    this.table = table;
    this.recorder = recorder;
  }

  /** Starts {@code drill} for {@code length}; a drill of the same kind already running is replaced. */
  public synchronized Drill.Running start(Drill drill, double share, Duration length) {
    Drill.check(share, length);
    stop(drill);
    switch (drill) {
      case REDIRECT_5XX -> faults.fail(table, "GetItem", share, ERROR);
      case RECORDER_THROWS -> recorder.injectFailures(Long.MAX_VALUE);
      case DYNAMODB_THROTTLES -> faults.throttle(table, "BatchWriteItem", share);
    }
    Drill.Running running = new Drill.Running(drill, share, timeline.now().plus(length));
    active.add(new Active(running, timeline.schedule(running.until(), () -> stop(drill))));
    return running;
  }

  /** Ends {@code drill} if it runs. */
  public synchronized void stop(Drill drill) {
    for (Active a : List.copyOf(active)) {
      if (a.running().drill() != drill) continue;
      a.end().cancel();
      active.remove(a);
      if (drill == Drill.RECORDER_THROWS) recorder.heal();
      else faults.clear();
    }
  }

  public synchronized void stopAll() {
    for (Drill d : Drill.values()) stop(d);
  }

  public synchronized List<Drill.Running> running() {
    return active.stream().map(Active::running).toList();
  }

  public Instant now() {
    return timeline.now();
  }
}

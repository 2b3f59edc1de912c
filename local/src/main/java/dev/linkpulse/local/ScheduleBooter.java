package dev.linkpulse.local;

import dev.linkpulse.local.schedule.Schedules;
import java.util.Set;

/**
 * The functions' {@code Schedule} events: SAM's scheduled rules, ticking on the stack's timeline (a ManualTimeline
 * test moves them). A function's property, no resource. Last, so the first run finds the functions' metrics wired.
 */
final class ScheduleBooter implements Booter {
  @Override
  public Set<String> types() {
    return Set.of();
  }

  @Override
  public void start(Boot boot) {
    boot.closing(Schedules.start(boot.template, boot.resolver, boot.functions, boot.timeline));
  }
}

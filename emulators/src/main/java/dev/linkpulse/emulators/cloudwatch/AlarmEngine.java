package dev.linkpulse.emulators.cloudwatch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.linkpulse.emulators.cloudwatch.MetricAlarmEvaluator.Verdict;
import dev.linkpulse.emulators.time.Timeline;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The alarms and their lives: created in INSUFFICIENT_DATA and evaluated at once, then every minute of timeline
 * time; each state change is recorded in history, invokes the actions of the new state, and re-evaluates the
 * composite alarms that name the alarm (stopping at a cycle). SetAlarmState holds until the next evaluation of a
 * metric alarm, and until a child of a composite alarm changes state.
 */
final class AlarmEngine {
  private final Map<String, AlarmEntry> alarms = new TreeMap<>();
  private final AlarmHistory history = new AlarmHistory();
  private final MetricAlarmEvaluator evaluator;
  private final Notifier notifier;
  private final Timeline timeline;
  /** While true, a metric alarm's change does not re-evaluate composites yet (see {@link #evaluateAll}). */
  private boolean deferred;

  AlarmEngine(MetricStore store, Notifier notifier, Timeline timeline) {
    this.evaluator = new MetricAlarmEvaluator(store);
    this.notifier = notifier;
    this.timeline = timeline;
  }

  synchronized void putMetricAlarm(MetricAlarm alarm) {
    Instant now = timeline.now();
    evaluateMetricAlarm(register(alarm.name(), alarm, false, now), now);
  }

  synchronized void putCompositeAlarm(CompositeAlarm alarm) {
    Instant now = timeline.now();
    for (String child : alarm.rule().alarms()) {
      if (!alarms.containsKey(child)) {
        throw CloudWatchErrors.validation("Could not find alarm " + child + " named in the AlarmRule");
      }
    }
    evaluateComposite(register(alarm.name(), alarm, true, now), null, now, new HashSet<>());
  }

  /** All or nothing: an unknown name, or an alarm a surviving composite still names, deletes none. */
  synchronized void delete(List<String> names) {
    for (String name : names) if (!alarms.containsKey(name)) throw CloudWatchErrors.notFound("Could not find alarm " + name);
    Set<String> leaving = new HashSet<>(names);
    for (AlarmEntry e : alarms.values()) {
      if (!e.isComposite() || leaving.contains(e.name())) continue;
      for (String child : e.composite().rule().alarms()) {
        if (leaving.contains(child)) {
          throw CloudWatchErrors.validation("Alarm " + child + " cannot be deleted: composite alarm " + e.name() + " names it in its AlarmRule");
        }
      }
    }
    names.forEach(alarms::remove);
  }

  synchronized void setState(String name, StateValue value, String reason, String reasonData) {
    AlarmEntry entry = alarms.get(name);
    if (entry == null) throw CloudWatchErrors.notFound("Could not find alarm " + name);
    transition(entry, value, reason, reasonData, timeline.now(), new HashSet<>());
  }

  synchronized void setActionsEnabled(List<String> names, boolean enabled) {
    for (String name : names) {
      AlarmEntry e = alarms.get(name);
      if (e != null) e.actionsEnabled(enabled);
    }
  }

  synchronized List<AlarmEntry> all() {
    return new ArrayList<>(alarms.values());
  }

  /** Name to state value of each named alarm that exists, read under the lock (one consistent instant). */
  synchronized Map<String, String> states(java.util.Collection<String> names) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String name : names) {
      AlarmEntry entry = alarms.get(name);
      if (entry != null) out.put(name, entry.state().value().name());
    }
    return out;
  }

  synchronized AlarmEntry get(String name) {
    return alarms.get(name);
  }

  AlarmHistory history() {
    return history;
  }

  /**
   * One evaluation round: every metric alarm, in name order, at {@code now}; then each composite that names an
   * alarm that changed, once, so a rule sees all of this instant's changes together and does not flap within it.
   */
  synchronized void evaluateAll(Instant now) {
    Map<String, AlarmEntry> changed = new LinkedHashMap<>();
    for (AlarmEntry e : new ArrayList<>(alarms.values())) {
      if (e.isComposite() || alarms.get(e.name()) != e) continue;
      StateValue before = e.state().value();
      deferred = true;
      try {
        evaluateMetricAlarm(e, now);
      } finally {
        deferred = false;
      }
      if (e.state().value() != before) changed.put(e.name(), e);
    }
    for (AlarmEntry parent : new ArrayList<>(alarms.values())) {
      if (!parent.isComposite()) continue;
      AlarmEntry trigger = null;
      for (String child : parent.composite().rule().alarms()) if (changed.containsKey(child)) trigger = changed.get(child);
      if (trigger != null) evaluateComposite(parent, trigger, now, new HashSet<>(Set.of(trigger.name())));
    }
  }

  private void evaluateMetricAlarm(AlarmEntry entry, Instant now) {
    Verdict v;
    try {
      v = evaluator.evaluate(entry.metric(), now);
    } catch (MathException e) {
      v = new Verdict(StateValue.INSUFFICIENT_DATA, () -> "Unable to evaluate: " + e.getMessage(), () -> null);
    }
    if (v.state() != null && v.state() != entry.state().value()) {
      transition(entry, v.state(), v.reason().get(), v.reasonData().get(), now, new HashSet<>());
    }
  }

  private void evaluateComposite(AlarmEntry composite, AlarmEntry trigger, Instant now, Set<String> path) {
    AlarmRule rule = composite.composite().rule();
    boolean holds = rule.holds(name -> {
      AlarmEntry child = alarms.get(name);
      return child == null ? StateValue.INSUFFICIENT_DATA : child.state().value();
    });
    List<AlarmEntry> children = new ArrayList<>();
    for (String name : rule.alarms()) if (alarms.containsKey(name)) children.add(alarms.get(name));
    transition(composite, holds ? StateValue.ALARM : StateValue.OK, StateReasons.composite(trigger),
        StateReasons.compositeData(children), now, path);
  }

  /** A state change (nothing when the value stays): history, actions, then the composites that name the alarm. */
  private void transition(AlarmEntry entry, StateValue value, String reason, String data, Instant now, Set<String> path) {
    AlarmState old = entry.state();
    if (old.value() == value) return;
    entry.state(new AlarmState(value, reason, data, now, now));
    history.add(new HistoryItem(entry.name(), entry.type(), now, "StateUpdate",
        "Alarm updated from " + old.value() + " to " + value, stateData(old, entry.state())));
    for (AlarmNotification n : notifier.notify(entry, old, now)) {
      ObjectNode action = StateReasons.JSON.createObjectNode().put("actionState", "Succeeded")
          .put("notificationResource", n.target()).put("stateUpdateTimestamp", now.toEpochMilli());
      history.add(new HistoryItem(entry.name(), entry.type(), now, "Action", "Successfully executed action " + n.target(), action.toString()));
    }
    if (!path.add(entry.name()) || (deferred && !entry.isComposite())) return;
    for (AlarmEntry parent : new ArrayList<>(alarms.values())) {
      if (parent.isComposite() && parent.composite().rule().alarms().contains(entry.name()) && !path.contains(parent.name())) {
        evaluateComposite(parent, entry, now, new LinkedHashSet<>(path));
      }
    }
  }

  /** Creates the alarm, or updates it in place (its state stays); an alarm cannot change from metric to composite. */
  private AlarmEntry register(String name, Object definition, boolean composite, Instant now) {
    AlarmEntry entry = alarms.get(name);
    if (entry != null && entry.isComposite() != composite) {
      throw CloudWatchErrors.validation("An alarm named " + name + " already exists as a " + (composite ? "metric" : "composite") + " alarm");
    }
    boolean created = entry == null;
    if (created) {
      entry = new AlarmEntry(definition, now);
      alarms.put(name, entry);
    } else {
      entry.reconfigure(definition, now);
    }
    configured(entry, created, now);
    return entry;
  }

  private void configured(AlarmEntry entry, boolean created, Instant now) {
    ObjectNode data = StateReasons.JSON.createObjectNode().put("version", "1.0").put("type", created ? "Create" : "Update");
    data.putObject(created ? "createdAlarm" : "updatedAlarm").put("alarmName", entry.name()).put("alarmArn", entry.arn());
    history.add(new HistoryItem(entry.name(), entry.type(), now, "ConfigurationUpdate",
        "Alarm \"" + entry.name() + "\" " + (created ? "created" : "updated"), data.toString()));
  }

  private static String stateData(AlarmState old, AlarmState now) {
    ObjectNode data = StateReasons.JSON.createObjectNode().put("version", "1.0");
    data.putObject("oldState").put("stateValue", old.value().name()).put("stateReason", old.reason());
    ObjectNode fresh = data.putObject("newState").put("stateValue", now.value().name()).put("stateReason", now.reason());
    if (now.reasonData() != null) {
      try {
        fresh.set("stateReasonData", StateReasons.JSON.readTree(now.reasonData()));
      } catch (java.io.IOException e) {
        fresh.put("stateReasonData", now.reasonData());
      }
    }
    return data.toString();
  }
}

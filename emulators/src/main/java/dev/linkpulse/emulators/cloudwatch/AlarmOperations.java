package dev.linkpulse.emulators.cloudwatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/** The alarm operations: PutMetricAlarm, PutCompositeAlarm, DescribeAlarms, DescribeAlarmHistory, SetAlarmState, DeleteAlarms, Enable/DisableAlarmActions. */
final class AlarmOperations {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Set<String> ALARM_TYPES = Set.of("MetricAlarm", "CompositeAlarm");
  private static final Set<String> HISTORY_TYPES = Set.of("ConfigurationUpdate", "StateUpdate", "Action");

  private final AlarmEngine engine;

  AlarmOperations(AlarmEngine engine) {
    this.engine = engine;
  }

  JsonNode putMetricAlarm(JsonNode input) {
    engine.putMetricAlarm(AlarmRequests.metricAlarm(Params.root(input)));
    return NODES.objectNode();
  }

  JsonNode putCompositeAlarm(JsonNode input) {
    engine.putCompositeAlarm(AlarmRequests.compositeAlarm(Params.root(input)));
    return NODES.objectNode();
  }

  JsonNode describeAlarms(JsonNode input) {
    Params p = Params.root(input);
    List<String> names = names(p);
    String prefix = p.string("AlarmNamePrefix", 255);
    String children = p.string("ChildrenOfAlarmName", 255);
    String parents = p.string("ParentsOfAlarmName", 255);
    if (prefix != null && !names.isEmpty()) throw CloudWatchErrors.validation("AlarmNames and AlarmNamePrefix cannot be specified together.");
    if ((children != null || parents != null) && (prefix != null || !names.isEmpty() || p.has("StateValue") || p.has("ActionPrefix") || !p.strings("AlarmTypes").isEmpty())) {
      throw CloudWatchErrors.validation("With ChildrenOfAlarmName or ParentsOfAlarmName, only MaxRecords and NextToken may be specified.");
    }
    Set<String> types = alarmTypes(p);
    StateValue state = p.has("StateValue") ? state(p, "StateValue") : null;
    String actionPrefix = p.string("ActionPrefix", 1024);
    int max = maxRecords(p, 50);
    Predicate<AlarmEntry> match;
    if (children != null) {
      AlarmEntry parent = engine.get(children);
      Set<String> childNames = parent != null && parent.isComposite() ? parent.composite().rule().alarms() : Set.of();
      match = e -> childNames.contains(e.name());
    } else if (parents != null) {
      match = e -> e.isComposite() && e.composite().rule().alarms().contains(parents);
    } else {
      match = e -> types.contains(e.type()) && (names.isEmpty() || names.contains(e.name()))
          && (prefix == null || e.name().startsWith(prefix)) && (state == null || e.state().value() == state)
          && (actionPrefix == null || hasAction(e, actionPrefix));
    }
    List<AlarmEntry> found = new ArrayList<>();
    for (AlarmEntry e : engine.all()) if (match.test(e)) found.add(e);
    Pages.Page<AlarmEntry> page = Pages.page(found, p.string("NextToken"), "alarms", max);
    ObjectNode out = NODES.objectNode();
    ArrayNode metric = out.putArray("MetricAlarms");
    ArrayNode composite = out.putArray("CompositeAlarms");
    for (AlarmEntry e : page.items()) {
      if (e.isComposite()) AlarmViews.compositeAlarm(composite.addObject(), e);
      else AlarmViews.metricAlarm(metric.addObject(), e);
    }
    if (page.next() != null) out.put("NextToken", page.next());
    return out;
  }

  JsonNode describeAlarmHistory(JsonNode input) {
    Params p = Params.root(input);
    String name = p.string("AlarmName", 255);
    Set<String> types = alarmTypes(p);
    String itemType = p.string("HistoryItemType");
    if (itemType != null && !HISTORY_TYPES.contains(itemType)) {
      throw CloudWatchErrors.validation(p.constraint(itemType, "HistoryItemType", "Member must satisfy enum value set: " + HISTORY_TYPES));
    }
    Instant start = p.time("StartDate");
    Instant end = p.time("EndDate");
    String scanBy = p.string("ScanBy");
    if (scanBy != null && !scanBy.equals("TimestampDescending") && !scanBy.equals("TimestampAscending")) {
      throw CloudWatchErrors.validation(p.constraint(scanBy, "ScanBy", "Member must satisfy enum value set: [TimestampDescending, TimestampAscending]"));
    }
    int max = maxRecords(p, 100);
    List<HistoryItem> items = engine.history().find(i -> (name == null || name.equals(i.alarmName())) && types.contains(i.alarmType())
        && (itemType == null || itemType.equals(i.type())) && (start == null || !i.timestamp().isBefore(start))
        && (end == null || i.timestamp().isBefore(end)), "TimestampAscending".equals(scanBy));
    Pages.Page<HistoryItem> page = Pages.page(items, p.string("NextToken"), "history", max);
    ObjectNode out = NODES.objectNode();
    ArrayNode array = out.putArray("AlarmHistoryItems");
    for (HistoryItem i : page.items()) {
      ObjectNode o = array.addObject().put("AlarmName", i.alarmName()).put("AlarmType", i.alarmType());
      o.putPOJO("Timestamp", i.timestamp());
      o.put("HistoryItemType", i.type()).put("HistorySummary", i.summary()).put("HistoryData", i.data());
    }
    if (page.next() != null) out.put("NextToken", page.next());
    return out;
  }

  JsonNode setAlarmState(JsonNode input) {
    Params p = Params.root(input);
    String name = AlarmRequests.name(p);
    StateValue value = state(p, "StateValue");
    String reason = p.string("StateReason", 1023);
    if (reason == null) throw CloudWatchErrors.missing("StateReason");
    String data = p.string("StateReasonData", 4000);
    if (data != null) {
      try {
        StateReasons.JSON.readTree(data);
      } catch (IOException e) {
        throw CloudWatchErrors.invalidFormat("StateReasonData is not valid JSON: " + e.getMessage());
      }
    }
    engine.setState(name, value, reason, data);
    return NODES.objectNode();
  }

  JsonNode deleteAlarms(JsonNode input) {
    engine.delete(names(Params.root(input)));
    return NODES.objectNode();
  }

  JsonNode enableAlarmActions(JsonNode input) {
    engine.setActionsEnabled(names(Params.root(input)), true);
    return NODES.objectNode();
  }

  JsonNode disableAlarmActions(JsonNode input) {
    engine.setActionsEnabled(names(Params.root(input)), false);
    return NODES.objectNode();
  }

  private static List<String> names(Params p) {
    List<String> names = p.strings("AlarmNames");
    if (names.size() > 100) throw CloudWatchErrors.validation(p.constraint(names.size() + " names", "AlarmNames", "Member must have length less than or equal to 100"));
    return names;
  }

  /** AlarmTypes; without it, only metric alarms are returned (API reference). */
  private static Set<String> alarmTypes(Params p) {
    List<String> types = p.strings("AlarmTypes");
    for (String t : types) if (!ALARM_TYPES.contains(t)) throw CloudWatchErrors.validation(p.constraint(t, "AlarmTypes", "Member must satisfy enum value set: [CompositeAlarm, MetricAlarm]"));
    return types.isEmpty() ? Set.of("MetricAlarm") : Set.copyOf(types);
  }

  private static StateValue state(Params p, String name) {
    String raw = p.required(name);
    StateValue s = StateValue.parse(raw);
    if (s == null) throw CloudWatchErrors.validation(p.constraint(raw, name, "Member must satisfy enum value set: [INSUFFICIENT_DATA, ALARM, OK]"));
    return s;
  }

  private static int maxRecords(Params p, int fallback) {
    Integer max = p.integer("MaxRecords");
    if (max == null) return fallback;
    if (max < 1 || max > 100) throw CloudWatchErrors.validation(p.constraint(max, "MaxRecords", "Member must have value between 1 and 100"));
    return max;
  }

  private static boolean hasAction(AlarmEntry e, String prefix) {
    AlarmActions a = e.actions();
    return List.of(a.ok(), a.alarm(), a.insufficientData()).stream().flatMap(List::stream).anyMatch(arn -> arn.startsWith(prefix));
  }
}

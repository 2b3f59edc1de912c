package dev.linkpulse.ops.bench;

import dev.linkpulse.core.Json;
import dev.linkpulse.core.clicks.ClickEvent;
import dev.linkpulse.pipeline.recorder.ClickRecorder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A workload's clicks at a steady rate from {@code start}, as the clicks queue hands them to the recorder: each one
 * a message holding the EventBridge envelope the rule delivered, and each duplicate delivered again a second after
 * its original (a redelivery).
 */
final class ClickSchedule {
  record Delivery(long atMillis, ClickRecorder.Message message) {}

  private ClickSchedule() {}

  static List<Delivery> of(Workload w, Instant start, int perSecond) {
    List<ClickEvent> events = w.events();
    List<ClickEvent> retimed = new ArrayList<>(w.distinct());
    List<Delivery> out = new ArrayList<>(events.size());
    for (int i = 0; i < w.distinct(); i++) {
      long at = i * 1000L / perSecond;
      ClickEvent e = events.get(i);
      ClickEvent timed = new ClickEvent(e.eventId(), start.plusMillis(at), e.code(), e.incarnation(), e.method(), e.referrer(),
          e.userAgent(), e.country(), e.visitor(), e.qr(), e.utm());
      retimed.add(timed);
      out.add(new Delivery(at, message(timed, "m" + i)));
    }
    java.util.Map<String, Integer> index = new java.util.HashMap<>();
    for (int i = 0; i < retimed.size(); i++) index.put(retimed.get(i).eventId(), i);
    for (int d = w.distinct(); d < events.size(); d++) {
      int original = index.get(events.get(d).eventId());
      out.add(new Delivery(original * 1000L / perSecond + 1000, message(retimed.get(original), "d" + d)));
    }
    out.sort(Comparator.comparingLong(Delivery::atMillis));
    return out;
  }

  private static ClickRecorder.Message message(ClickEvent e, String messageId) {
    var envelope = Json.object().put("version", "0").put("id", e.eventId()).put("detail-type", ClickEvent.DETAIL_TYPE)
        .put("source", ClickEvent.SOURCE).put("time", e.time().toString());
    envelope.set("detail", e.toDetail());
    return new ClickRecorder.Message(messageId, Json.write(envelope));
  }
}

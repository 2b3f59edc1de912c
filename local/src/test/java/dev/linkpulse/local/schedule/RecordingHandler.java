package dev.linkpulse.local.schedule;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/** A function that keeps every event it is sent, by function name, and fails while its name is in {@link #FAILING}. */
public final class RecordingHandler implements RequestHandler<Map<String, Object>, String> {
  static final Map<String, Queue<Map<String, Object>>> EVENTS = new ConcurrentHashMap<>();
  static final Set<String> FAILING = ConcurrentHashMap.newKeySet();

  @Override
  public String handleRequest(Map<String, Object> event, Context context) {
    EVENTS.computeIfAbsent(context.getFunctionName(), n -> new ConcurrentLinkedQueue<>()).add(event);
    if (FAILING.contains(context.getFunctionName())) throw new IllegalStateException("failing on purpose");
    return "ok";
  }

  static List<Map<String, Object>> events(String function) {
    return List.copyOf(EVENTS.getOrDefault(function, new ConcurrentLinkedQueue<>()));
  }
}

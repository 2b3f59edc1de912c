package dev.linkpulse.emulators.eventsources;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Keeps every event exactly as it arrived (as a JSON map), to check the event's shape. */
@SuppressWarnings("rawtypes")
public final class RawEventHandler implements RequestHandler<Map, String> {
  static final ConcurrentLinkedQueue<Map> EVENTS = new ConcurrentLinkedQueue<>();

  @Override
  public String handleRequest(Map event, Context context) {
    EVENTS.add(event);
    return null;
  }
}

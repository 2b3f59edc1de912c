package dev.linkpulse.pipeline.live;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** {@link Connections} that keeps every frame it is given; a connection can go away, be closed, or fail its next posts. */
public final class RecordingConnections implements Connections {
  private final Map<String, List<String>> frames = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> failuresLeft = new ConcurrentHashMap<>();
  private final Set<String> closed = ConcurrentHashMap.newKeySet();
  private final Set<String> closedByServer = ConcurrentHashMap.newKeySet();

  /** The browser went away: posts to it find it gone. */
  public void goAway(String connectionId) {
    closed.add(connectionId);
  }

  /** The server closed it ({@code DeleteConnection}): later posts find it gone too. */
  @Override
  public void close(String connectionId) {
    closedByServer.add(connectionId);
    closed.add(connectionId);
  }

  public boolean closedByServer(String connectionId) {
    return closedByServer.contains(connectionId);
  }

  /** The next {@code times} posts to the connection throw, as a throttled or timed-out call does. */
  public void failNext(String connectionId, int times) {
    failuresLeft.put(connectionId, new AtomicInteger(times));
  }

  public List<String> frames(String connectionId) {
    return List.copyOf(frames.getOrDefault(connectionId, List.of()));
  }

  public int attempts(String connectionId) {
    AtomicInteger n = attempts.get(connectionId);
    return n == null ? 0 : n.get();
  }

  @Override
  public boolean post(String connectionId, byte[] frame) {
    attempts.computeIfAbsent(connectionId, k -> new AtomicInteger()).incrementAndGet();
    if (closed.contains(connectionId)) return false;
    AtomicInteger left = failuresLeft.get(connectionId);
    if (left != null && left.getAndDecrement() > 0) throw new IllegalStateException("throttled");
    frames.computeIfAbsent(connectionId, k -> java.util.Collections.synchronizedList(new ArrayList<>()))
        .add(new String(frame, StandardCharsets.UTF_8));
    return true;
  }
}

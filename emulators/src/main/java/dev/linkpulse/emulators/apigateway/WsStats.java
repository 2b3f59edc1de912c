package dev.linkpulse.emulators.apigateway;

import java.util.concurrent.atomic.AtomicLong;

/** What a WebSocket gateway counts, for tests and benches: connections, messages, pushes, pending invocations. */
final class WsStats {
  final AtomicLong opened = new AtomicLong();
  final AtomicLong closed = new AtomicLong();
  final AtomicLong rejected = new AtomicLong();
  final AtomicLong messagesIn = new AtomicLong();
  final AtomicLong replies = new AtomicLong();
  final AtomicLong posts = new AtomicLong();
  final AtomicLong gone = new AtomicLong();
  final AtomicLong pending = new AtomicLong();
}

package dev.linkpulse.ops.dlq;

/**
 * Why a pointer could not be replayed. {@code blocking}: a later pointer must not be applied before this one
 * is (it could lift a counter's watermark above clicks this one still has to add); false when this pointer can
 * never be replayed from the stream anyway (invalid, trimmed, stream gone).
 */
final class ReplayException extends RuntimeException {
  final boolean blocking;

  ReplayException(String message, boolean blocking) {
    super(message);
    this.blocking = blocking;
  }
}


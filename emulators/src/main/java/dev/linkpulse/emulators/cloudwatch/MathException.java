package dev.linkpulse.emulators.cloudwatch;

/** A metric math expression that is malformed, uses what this emulator does not support, or cannot be evaluated. */
final class MathException extends RuntimeException {
  MathException(String message) {
    super(message, null, false, false);
  }
}

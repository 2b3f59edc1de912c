package dev.linkpulse.ops;

/** Input the command cannot act on; reported as one line with exit code 2, before anything is changed. */
public final class UsageError extends RuntimeException {
  public UsageError(String message) {
    super(message);
  }
}

package dev.linkpulse.core.clicks;

/** A click event that breaks the schema; its message says which rule, for the dead-letter log. */
public final class InvalidClickEvent extends RuntimeException {
  public InvalidClickEvent(String reason) {
    super(reason);
  }
}

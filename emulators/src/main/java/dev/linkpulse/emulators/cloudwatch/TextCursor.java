package dev.linkpulse.emulators.cloudwatch;

/** A position in an expression's text, for the two hand-written parsers (metric math, composite alarm rules). */
abstract class TextCursor {
  final String text;
  int pos;

  TextCursor(String text) {
    this.text = text;
  }

  void skipSpace() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) pos++;
  }

  /** Consumes the keyword {@code w} when it stands alone (not the start of a longer identifier). */
  boolean word(String w) {
    skipSpace();
    if (!text.startsWith(w, pos)) return false;
    int after = pos + w.length();
    if (after < text.length() && (Character.isLetterOrDigit(text.charAt(after)) || text.charAt(after) == '_')) return false;
    pos = after;
    return true;
  }

  boolean atEnd() {
    skipSpace();
    return pos >= text.length();
  }
}

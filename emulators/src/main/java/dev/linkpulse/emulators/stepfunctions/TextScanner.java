package dev.linkpulse.emulators.stepfunctions;

/** The cursor the small expression parsers share (intrinsic calls, JsonPath filters): tokens, blanks, path operands. */
abstract class TextScanner {
  protected final String text;
  protected int pos;

  TextScanner(String text) {
    this.text = text;
  }

  /** What is being parsed, for error messages ("intrinsic", "filter"). */
  abstract String what();

  boolean take(String token) {
    spaces();
    if (text.startsWith(token, pos)) {
      pos += token.length();
      return true;
    }
    return false;
  }

  void spaces() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) pos++;
  }

  boolean atEnd() {
    return pos >= text.length();
  }

  /**
   * A path operand, up to the first of {@code stops} (or blank, if {@code stopAtBlank}) that is outside quotes,
   * brackets and parentheses.
   */
  String pathUntil(String stops, boolean stopAtBlank) {
    int start = pos;
    int depth = 0;
    char quote = 0;
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (quote != 0) {
        if (c == quote) quote = 0;
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '[' || c == '(') {
        depth++;
      } else if (depth > 0 && (c == ']' || c == ')')) {
        depth--;
      } else if (depth == 0 && (stops.indexOf(c) >= 0 || (stopAtBlank && Character.isWhitespace(c)))) {
        break;
      }
      pos++;
    }
    return text.substring(start, pos).strip();
  }

  IllegalArgumentException fail(String why) {
    return new IllegalArgumentException("invalid " + what() + " '" + text + "' at " + pos + ": " + why);
  }
}

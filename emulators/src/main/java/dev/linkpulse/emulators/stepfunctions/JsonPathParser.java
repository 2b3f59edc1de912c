package dev.linkpulse.emulators.stepfunctions;

import java.util.ArrayList;
import java.util.List;

/** Reads JsonPath text into {@link JsonPath} segments; a malformed path is an {@link IllegalArgumentException}. */
final class JsonPathParser {
  private final String text;
  private int pos;

  JsonPathParser(String text) {
    this.text = text;
  }

  JsonPath path() {
    boolean context = text.startsWith("$$");
    if (context) {
      pos = 2;
    } else if (text.startsWith("$") || text.startsWith("@")) {
      pos = 1;
    } else {
      throw fail("a path starts with $ (or $$ for the context object)");
    }
    List<JsonPath.Segment> segments = new ArrayList<>();
    while (pos < text.length()) segments.add(segment());
    return new JsonPath(text, context, segments);
  }

  private JsonPath.Segment segment() {
    if (text.startsWith("..", pos)) {
      pos += 2;
      if (pos < text.length() && text.charAt(pos) == '[') return new JsonPath.Deep(bracket());
      return new JsonPath.Deep(dotted());
    }
    char c = text.charAt(pos);
    if (c == '.') {
      pos++;
      return dotted();
    }
    if (c == '[') return bracket();
    throw fail("expected . or [");
  }

  private JsonPath.Segment dotted() {
    if (pos < text.length() && text.charAt(pos) == '*') {
      pos++;
      return new JsonPath.Wildcard();
    }
    int start = pos;
    while (pos < text.length() && text.charAt(pos) != '.' && text.charAt(pos) != '[') pos++;
    if (pos == start) throw fail("empty field name");
    String name = text.substring(start, pos);
    if (name.chars().anyMatch(ch -> Character.isWhitespace(ch) || ch == ']' || ch == '\'' || ch == '"')) {
      throw fail("field name '" + name + "' needs bracket notation");
    }
    return new JsonPath.Name(name);
  }

  private JsonPath.Segment bracket() {
    pos++;
    skipSpaces();
    if (pos >= text.length()) throw fail("unclosed [");
    char c = text.charAt(pos);
    JsonPath.Segment segment;
    if (c == '*') {
      pos++;
      segment = new JsonPath.Wildcard();
    } else if (c == '\'' || c == '"') {
      segment = names();
    } else if (c == '?') {
      segment = filter();
    } else {
      segment = numbers();
    }
    skipSpaces();
    expect(']');
    return segment;
  }

  private JsonPath.Segment names() {
    List<String> names = new ArrayList<>();
    do {
      skipSpaces();
      names.add(quoted());
      skipSpaces();
    } while (consume(','));
    return names.size() == 1 ? new JsonPath.Name(names.get(0)) : new JsonPath.Names(names);
  }

  private String quoted() {
    char quote = text.charAt(pos);
    if (quote != '\'' && quote != '"') throw fail("expected a quoted name");
    StringBuilder out = new StringBuilder();
    pos++;
    while (pos < text.length() && text.charAt(pos) != quote) {
      char c = text.charAt(pos++);
      if (c == '\\' && pos < text.length()) c = text.charAt(pos++);
      out.append(c);
    }
    expect(quote);
    return out.toString();
  }

  private JsonPath.Segment numbers() {
    int close = text.indexOf(']', pos);
    if (close < 0) throw fail("unclosed [");
    String body = text.substring(pos, close).trim();
    pos = close;
    try {
      if (body.contains(":")) {
        String[] parts = body.split(":", -1);
        if (parts.length > 3) throw fail("a slice has at most three parts");
        Integer start = parts[0].isBlank() ? null : Integer.valueOf(parts[0].trim());
        Integer end = parts[1].isBlank() ? null : Integer.valueOf(parts[1].trim());
        int step = parts.length == 3 && !parts[2].isBlank() ? Integer.parseInt(parts[2].trim()) : 1;
        if (step < 1) throw fail("a slice step must be positive");
        return new JsonPath.Slice(start, end, step);
      }
      List<Integer> indexes = new ArrayList<>();
      for (String part : body.split(",", -1)) indexes.add(Integer.valueOf(part.trim()));
      return indexes.size() == 1 ? new JsonPath.Index(indexes.get(0)) : new JsonPath.Indexes(indexes);
    } catch (NumberFormatException e) {
      throw fail("'" + body + "' is not an index, a slice or a quoted name");
    }
  }

  private JsonPath.Segment filter() {
    pos++;
    skipSpaces();
    expect('(');
    int start = pos;
    int depth = 1;
    char quote = 0;
    while (pos < text.length() && depth > 0) {
      char c = text.charAt(pos++);
      if (quote != 0) {
        if (c == '\\') pos++;
        else if (c == quote) quote = 0;
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      }
    }
    if (depth > 0) throw fail("unclosed filter");
    return new JsonPath.Filter(JsonPathFilter.parse(text.substring(start, pos - 1)));
  }

  private void skipSpaces() {
    while (pos < text.length() && text.charAt(pos) == ' ') pos++;
  }

  private boolean consume(char c) {
    if (pos < text.length() && text.charAt(pos) == c) {
      pos++;
      return true;
    }
    return false;
  }

  private void expect(char c) {
    if (!consume(c)) throw fail("expected " + c);
  }

  private IllegalArgumentException fail(String why) {
    return new IllegalArgumentException("invalid JsonPath '" + text + "' at " + pos + ": " + why);
  }
}

package dev.linkpulse.emulators.stepfunctions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * An intrinsic function call such as {@code States.Format('Hello, {}', $.name)}, parsed once when the definition
 * is created (an unknown function or a wrong argument count fails creation) and evaluated per state entry.
 */
final class Intrinsic extends TextScanner {
  /** One argument: a literal, a path into the input or the context, or a nested call. */
  interface Arg {
    JsonNode eval(JsonNode input, JsonNode context);
  }

  /** A quoted string argument; {@code raw} keeps the escapes so that States.Format can tell {@code \{} from {@code {}. */
  record Text(String raw) implements Arg {
    String value() {
      return unescape(raw);
    }

    @Override
    public JsonNode eval(JsonNode input, JsonNode context) {
      return Json.NODES.textNode(value());
    }
  }

  record Literal(JsonNode value) implements Arg {
    @Override
    public JsonNode eval(JsonNode input, JsonNode context) {
      return value;
    }
  }

  record PathArg(JsonPath path) implements Arg {
    @Override
    public JsonNode eval(JsonNode input, JsonNode context) {
      return path.select(path.context() ? context : input);
    }
  }

  record Call(IntrinsicFunctions.Function function, List<Arg> args) implements Arg {
    @Override
    public JsonNode eval(JsonNode input, JsonNode context) {
      List<JsonNode> values = new ArrayList<>(args.size());
      for (Arg arg : args) values.add(arg.eval(input, context));
      return function.apply(this, values);
    }
  }

  private Intrinsic(String text) {
    super(text);
  }

  @Override
  String what() {
    return "intrinsic";
  }

  /** Does this {@code .$} value call an intrinsic, rather than name a path? */
  static boolean isCall(String text) {
    return text.startsWith("States.");
  }

  static Call parse(String text) {
    Intrinsic parser = new Intrinsic(text.strip());
    Call call = parser.call();
    if (!parser.atEnd()) throw parser.fail("unexpected text after the call");
    return call;
  }

  private Call call() {
    int open = text.indexOf('(', pos);
    if (open < 0) throw fail("expected (");
    String name = text.substring(pos, open).strip();
    IntrinsicFunctions.Function function = IntrinsicFunctions.byName(name)
        .orElseThrow(() -> fail("unsupported intrinsic function " + name + " (supported: " + IntrinsicFunctions.names() + ")"));
    pos = open + 1;
    List<Arg> args = new ArrayList<>();
    spaces();
    if (!take(")")) {
      do {
        args.add(arg());
      } while (take(","));
      if (!take(")")) throw fail("expected , or )");
    }
    Call call = new Call(function, args);
    function.checkArity(args.size()).ifPresent(why -> {
      throw fail(name + " " + why);
    });
    return call;
  }

  private Arg arg() {
    spaces();
    if (pos >= text.length()) throw fail("expected an argument");
    char c = text.charAt(pos);
    if (c == '\'') return new Text(quoted());
    if (c == '$') return new PathArg(JsonPath.parse(pathUntil(",)", false)));
    if (text.startsWith("States.", pos)) return call();
    int start = pos;
    while (pos < text.length() && text.charAt(pos) != ',' && text.charAt(pos) != ')') pos++;
    String word = text.substring(start, pos).strip();
    switch (word) {
      case "null":
        return new Literal(NullNode.instance);
      case "true":
      case "false":
        return new Literal(BooleanNode.valueOf(word.equals("true")));
      default:
        try {
          return new Literal(Json.number(new BigDecimal(word)));
        } catch (NumberFormatException e) {
          throw fail("'" + word + "' is not a string, number, boolean, null, path or call");
        }
    }
  }

  private String quoted() {
    int start = ++pos;
    while (pos < text.length() && text.charAt(pos) != '\'') {
      if (text.charAt(pos) == '\\') pos++;
      pos++;
    }
    if (pos >= text.length()) throw fail("unclosed string");
    return text.substring(start, pos++);
  }

  static String unescape(String raw) {
    StringBuilder out = new StringBuilder(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '\\' && i + 1 < raw.length()) c = raw.charAt(++i);
      out.append(c);
    }
    return out.toString();
  }
}

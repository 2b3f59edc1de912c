package dev.linkpulse.emulators.dynamodb;

import java.util.ArrayList;
import java.util.List;

/** Splits an expression into tokens: names, {@code #placeholders}, {@code :values}, integers and operators. */
final class ExpressionLexer {
  enum Kind { NAME, NAME_REF, VALUE_REF, INTEGER, SYMBOL, END }

  record Token(Kind kind, String text, int position) {
    boolean is(String symbolOrKeyword) {
      return (kind == Kind.SYMBOL || kind == Kind.NAME) && text.equalsIgnoreCase(symbolOrKeyword);
    }
  }

  private ExpressionLexer() {}

  static List<Token> tokens(String expression, String label) {
    List<Token> out = new ArrayList<>();
    int i = 0;
    int n = expression.length();
    while (i < n) {
      char c = expression.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '#' || c == ':') {
        int end = identifierEnd(expression, i + 1);
        if (end == i + 1) throw syntax(label, expression, String.valueOf(c), i);
        out.add(new Token(c == '#' ? Kind.NAME_REF : Kind.VALUE_REF, expression.substring(i, end), i));
        i = end;
      } else if (Character.isLetter(c) || c == '_') {
        int end = identifierEnd(expression, i);
        out.add(new Token(Kind.NAME, expression.substring(i, end), i));
        i = end;
      } else if (Character.isDigit(c)) {
        int end = i;
        while (end < n && Character.isDigit(expression.charAt(end))) end++;
        out.add(new Token(Kind.INTEGER, expression.substring(i, end), i));
        i = end;
      } else {
        String two = i + 1 < n ? expression.substring(i, i + 2) : "";
        if (two.equals("<>") || two.equals("<=") || two.equals(">=")) {
          out.add(new Token(Kind.SYMBOL, two, i));
          i += 2;
        } else if ("()[],.=<>+-".indexOf(c) >= 0) {
          out.add(new Token(Kind.SYMBOL, String.valueOf(c), i));
          i++;
        } else {
          throw syntax(label, expression, String.valueOf(c), i);
        }
      }
    }
    out.add(new Token(Kind.END, "<EOF>", n));
    return out;
  }

  private static int identifierEnd(String s, int from) {
    int i = from;
    while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) i++;
    return i;
  }

  static RuntimeException syntax(String label, String expression, String token, int position) {
    int from = Math.max(0, position - 8);
    int to = Math.min(expression.length(), position + token.length() + 8);
    return Errors.validation("Invalid " + label + ": Syntax error; token: \"" + token + "\", near: \""
        + expression.substring(from, to) + "\"");
  }
}

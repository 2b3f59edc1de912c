package dev.linkpulse.ops.dlq;

import com.fasterxml.jackson.databind.JsonNode;
import dev.linkpulse.core.Json;
import dev.linkpulse.ops.UsageError;
import io.burt.jmespath.Expression;
import io.burt.jmespath.JmesPathException;
import io.burt.jmespath.jackson.JacksonRuntime;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Which messages a command acts on. {@code --filter} is a JMESPath expression evaluated against the message body
 * parsed as JSON (for the click queues: the EventBridge envelope, e.g. {@code detail.code == 'abc'}); a message
 * matches when the result is truthy in JMESPath's sense (not false, null, empty string, array or object). A body
 * that is not JSON, or an expression that fails on it (a function given the wrong type), does not match.
 * {@code --grep} is a Java regular expression searched for anywhere in the raw body. Given both, a message must
 * match both.
 */
public final class Selector {
  private static final JacksonRuntime JMESPATH = new JacksonRuntime();

  private final String filterText;
  private final Expression<JsonNode> filter;
  private final Pattern grep;

  private Selector(String filterText, Expression<JsonNode> filter, Pattern grep) {
    this.filterText = filterText;
    this.filter = filter;
    this.grep = grep;
  }

  public static Selector of(String filter, String grep) {
    Expression<JsonNode> expression = null;
    if (filter != null) {
      if (filter.isBlank()) throw new UsageError("--filter is empty");
      try {
        expression = JMESPATH.compile(filter);
      } catch (JmesPathException e) {
        throw new UsageError("--filter is not a valid JMESPath expression: " + oneLine(e.getMessage()));
      } catch (RuntimeException e) {
        throw new UsageError("--filter is not a valid JMESPath expression: " + oneLine(String.valueOf(e.getMessage())));
      }
      try {
        // An unknown function only shows when evaluated: try once on an empty object.
        expression.search(Json.object());
      } catch (JmesPathException e) {
        if (e.getClass().getSimpleName().equals("FunctionConfigurationException") || String.valueOf(e.getMessage()).contains("Unknown function")) {
          throw new UsageError("--filter: " + oneLine(e.getMessage()));
        }
      } catch (RuntimeException ignored) {
        // a type error on the empty object says nothing about real messages
      }
    }
    Pattern pattern = null;
    if (grep != null) {
      if (grep.isEmpty()) throw new UsageError("--grep is empty");
      try {
        pattern = Pattern.compile(grep);
      } catch (PatternSyntaxException e) {
        throw new UsageError("--grep is not a valid regular expression: " + e.getDescription() + " near index " + e.getIndex());
      }
    }
    return new Selector(filter, expression, pattern);
  }

  public boolean selectsAll() {
    return filter == null && grep == null;
  }

  public boolean matches(String body) {
    if (body == null) body = "";
    if (grep != null && !grep.matcher(body).find()) return false;
    if (filter == null) return true;
    JsonNode doc;
    try {
      doc = Json.tree(body);
    } catch (Exception notJson) {
      return false;
    }
    if (doc == null || doc.isMissingNode()) return false;
    try {
      return JMESPATH.isTruthy(filter.search(doc));
    } catch (RuntimeException typeError) {
      return false;
    }
  }

  String filterText() {
    return filterText;
  }

  String grepText() {
    return grep == null ? null : grep.pattern();
  }

  /** For the summary and the audit line. */
  public String describe() {
    StringBuilder b = new StringBuilder();
    if (filterText != null) b.append("filter=").append(quote(filterText));
    if (grep != null) b.append(b.length() > 0 ? " " : "").append("grep=").append(quote(grep.pattern()));
    return b.toString();
  }

  static String quote(String s) {
    return "'" + s.replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n") + "'";
  }

  static String oneLine(String s) {
    return s == null ? "" : s.replaceAll("\\s+", " ").trim();
  }
}

package dev.linkpulse.emulators.cloudwatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.POJONode;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Writes an operation's result tree as the AWS Query protocol's XML: {@code <OpResponse><OpResult>...</OpResult>
 * <ResponseMetadata><RequestId/></ResponseMetadata></OpResponse>}, lists as {@code <member>} elements, maps as
 * {@code <entry><key/><value/></entry>}, timestamps in ISO 8601. Errors are {@code <ErrorResponse>}.
 */
final class QueryXml {
  static final String NAMESPACE = "http://monitoring.amazonaws.com/doc/2010-08-01/";
  /** Members whose value is a map, not a structure (Datapoint.ExtendedStatistics). */
  private static final Set<String> MAPS = Set.of("ExtendedStatistics");

  private QueryXml() {}

  static String response(String action, JsonNode result, String requestId) {
    StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    b.append('<').append(action).append("Response xmlns=\"").append(NAMESPACE).append("\">");
    if (result != null && result.size() > 0) {
      b.append('<').append(action).append("Result>");
      members(b, result);
      b.append("</").append(action).append("Result>");
    }
    b.append("<ResponseMetadata><RequestId>").append(requestId).append("</RequestId></ResponseMetadata>");
    b.append("</").append(action).append("Response>");
    return b.toString();
  }

  static String error(String code, String message, boolean sender, String requestId) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ErrorResponse xmlns=\"" + NAMESPACE + "\"><Error><Type>"
        + (sender ? "Sender" : "Receiver") + "</Type><Code>" + escape(code) + "</Code><Message>" + escape(message)
        + "</Message></Error><RequestId>" + requestId + "</RequestId></ErrorResponse>";
  }

  private static void members(StringBuilder b, JsonNode object) {
    Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> f = fields.next();
      if (f.getValue().isNull()) continue;
      b.append('<').append(f.getKey()).append('>');
      if (MAPS.contains(f.getKey()) && f.getValue().isObject()) map(b, f.getValue());
      else value(b, f.getValue());
      b.append("</").append(f.getKey()).append('>');
    }
  }

  private static void map(StringBuilder b, JsonNode object) {
    object.fields().forEachRemaining(e -> {
      b.append("<entry><key>").append(escape(e.getKey())).append("</key><value>");
      value(b, e.getValue());
      b.append("</value></entry>");
    });
  }

  private static void value(StringBuilder b, JsonNode v) {
    if (v.isObject()) {
      members(b, v);
    } else if (v.isArray()) {
      for (JsonNode item : v) {
        b.append("<member>");
        value(b, item);
        b.append("</member>");
      }
    } else if (v instanceof POJONode p && p.getPojo() instanceof Instant t) {
      b.append(DateTimeFormatter.ISO_INSTANT.format(t));
    } else {
      b.append(escape(v.asText()));
    }
  }

  static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&apos;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}

package dev.linkpulse.emulators.apigateway;

import dev.linkpulse.emulators.lambda.LocalFunction;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP API route ({@code GET /links/{code}}). Matching follows API Gateway: a literal segment beats a
 * {@code {param}}, a {@code {proxy+}} takes the rest of the path, an exact method beats {@code ANY}.
 */
public record HttpRoute(String method, String path, boolean authorized, LocalFunction function) {
  public String routeKey() {
    return method + " " + path;
  }

  List<String> segments() {
    return segments(path);
  }

  static List<String> segments(String path) {
    return Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList();
  }

  /** The path parameters when {@code requestPath} matches, else empty. */
  Optional<Map<String, String>> match(String requestMethod, List<String> requestSegments) {
    if (!method.equals("ANY") && !method.equals(requestMethod)) return Optional.empty();
    List<String> mine = segments();
    Map<String, String> params = new LinkedHashMap<>();
    for (int i = 0; i < mine.size(); i++) {
      String seg = mine.get(i);
      if (seg.startsWith("{") && seg.endsWith("+}")) {
        if (i >= requestSegments.size()) return Optional.empty();
        params.put(seg.substring(1, seg.length() - 2), String.join("/", requestSegments.subList(i, requestSegments.size())));
        return Optional.of(params);
      }
      if (i >= requestSegments.size()) return Optional.empty();
      if (seg.startsWith("{") && seg.endsWith("}")) params.put(seg.substring(1, seg.length() - 1), requestSegments.get(i));
      else if (!seg.equals(requestSegments.get(i))) return Optional.empty();
    }
    return mine.size() == requestSegments.size() ? Optional.of(params) : Optional.empty();
  }

  /** Higher is more specific: literal segments count most, then an exact method. */
  int specificity() {
    int literals = (int) segments().stream().filter(s -> !s.startsWith("{")).count();
    boolean greedy = segments().stream().anyMatch(s -> s.endsWith("+}"));
    return literals * 100 + (greedy ? 0 : 10) + (method.equals("ANY") ? 0 : 1);
  }
}

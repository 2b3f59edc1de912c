package dev.linkpulse.ops.slo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A dashboard body as it is laid out: widgets placed on CloudWatch's 24-column grid, one row after the other. */
final class Grid {
  static final int WIDTH = 24;

  private final List<Object> widgets = new ArrayList<>();
  private int y;

  /** Places {@code widget} (a {@link Widgets} map of type and properties) in the current row. */
  void add(int x, int width, int height, Map<String, Object> widget) {
    Map<String, Object> w = new LinkedHashMap<>();
    w.put("type", widget.get("type"));
    w.put("x", x);
    w.put("y", y);
    w.put("width", width);
    w.put("height", height);
    w.put("properties", widget.get("properties"));
    widgets.add(w);
  }

  /** Starts the next row, {@code height} below the current one. */
  void next(int height) {
    y += height;
  }

  /** A full-width row of markdown. */
  void text(String markdown, int height) {
    add(0, WIDTH, height, Widgets.text(markdown));
    next(height);
  }

  /** The dashboard body: its default time range ({@code -PT3H}) and the widgets. */
  Map<String, Object> body(String start) {
    return Nodes.map("start", start, "periodOverride", "inherit", "widgets", widgets);
  }
}

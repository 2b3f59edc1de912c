package dev.linkpulse.emulators.stepfunctions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;

/**
 * Parallel and inline Map: each branch or item runs in a child frame with the same effective input (Parallel)
 * or its item (Map, at most MaxConcurrency at once). Results come back in branch/item order. The first child to
 * fail stops the others, and its error becomes the state's own error (Retry re-runs every branch; Catch applies).
 */
final class BranchSteps {
  private final ExecutionRun run;
  private final ErrorSteps errors;

  BranchSteps(ExecutionRun run, ErrorSteps errors) {
    this.run = run;
    this.errors = errors;
  }

  void enter(Frame f, Definition.State s) {
    JsonNode effective = DataFlow.inputPath(s.common().inputPath(), f.input);
    if (s instanceof Definition.Parallel p) {
      f.effective = DataFlow.parameters(p.processing().parameters(), effective, ContextObject.of(run.record(), f, null));
    } else {
      Definition.MapState m = (Definition.MapState) s;
      JsonNode items = m.itemsPath().select(effective);
      if (!items.isArray()) throw StatesError.runtime("ItemsPath '" + m.itemsPath() + "' must select an array, not " + items);
      f.effective = effective;
      f.items = (ArrayNode) items;
      f.concurrency = concurrency(m, effective);
    }
    start(f);
  }

  void start(Frame f) {
    Definition.State s = run.state(f);
    f.seq++;
    f.phase = Frame.Phase.CHILDREN;
    f.children = new ArrayList<>();
    if (s instanceof Definition.Parallel p) {
      run.event(f, "ParallelStateStarted", null);
      f.results = filled(p.branches().size());
      f.remaining = p.branches().size();
      for (int i = 0; i < p.branches().size(); i++) run.newFrame(f, i, p.branches().get(i), f.effective, f.children);
      return;
    }
    ObjectNode d = Json.object();
    d.put("length", f.items.size());
    run.event(f, "MapStateStarted", d);
    f.results = filled(f.items.size());
    f.remaining = f.items.size();
    f.nextItem = 0;
    if (f.remaining == 0) {
      allDone(f);
      return;
    }
    while (f.nextItem < f.items.size() && (f.concurrency == 0 || f.children.size() < f.concurrency)) launch(f, (Definition.MapState) s);
  }

  private void launch(Frame f, Definition.MapState m) {
    int index = f.nextItem++;
    JsonNode item = f.items.get(index);
    JsonNode input = item;
    if (m.processing().parameters() != null) {
      ObjectNode context = ContextObject.forItem(ContextObject.of(run.record(), f, null), index, item);
      input = m.processing().parameters().render(f.effective, context);
    }
    ObjectNode d = History.named(m.name());
    d.put("index", index);
    run.event(f, "MapIterationStarted", d);
    run.newFrame(f, index, m.processor(), input, f.children);
  }

  void childDone(Frame child, JsonNode output) {
    Frame f = run.record().frames.get(child.parentId);
    run.removeFrame(child);
    f.children.remove(child.id);
    f.results.set(child.index, output);
    f.remaining--;
    Definition.State s = run.state(f);
    run.guard(f, () -> {
      if (s instanceof Definition.MapState m) {
        ObjectNode d = History.named(m.name());
        d.put("index", child.index);
        run.event(f, "MapIterationSucceeded", d);
        if (f.nextItem < f.items.size()) launch(f, m);
      }
      if (f.remaining == 0) allDone(f);
    });
  }

  private void allDone(Frame f) {
    Definition.State s = run.state(f);
    run.event(f, s instanceof Definition.Parallel ? "ParallelStateSucceeded" : "MapStateSucceeded", null);
    Definition.Processing p = StateParsers.processing(s);
    JsonNode result = DataFlow.result(p, f.input, f.results, ContextObject.of(run.record(), f, null));
    f.results = null;
    f.items = s instanceof Definition.MapState ? f.items : null;
    run.exit(f, DataFlow.outputPath(s.common().outputPath(), result), null);
  }

  void childFailed(Frame child, String error, String cause) {
    Frame f = run.record().frames.get(child.parentId);
    run.removeFrame(child);
    f.children.remove(child.id);
    for (String sibling : new ArrayList<>(f.children)) {
      Frame c = run.record().frames.get(sibling);
      if (c != null) run.removeFrame(c);
    }
    f.children.clear();
    Definition.State s = run.state(f);
    if (s instanceof Definition.MapState m) {
      ObjectNode d = History.named(m.name());
      d.put("index", child.index);
      run.event(f, "MapIterationFailed", d);
      run.event(f, "MapStateFailed", null);
    } else {
      run.event(f, "ParallelStateFailed", null);
    }
    f.results = null;
    errors.handle(f, error, cause);
  }

  private static int concurrency(Definition.MapState m, JsonNode effective) {
    if (m.maxConcurrencyPath() == null) return m.maxConcurrency() == null ? 0 : m.maxConcurrency();
    JsonNode v = m.maxConcurrencyPath().select(effective);
    if (!v.isIntegralNumber() || v.asInt() < 0) throw StatesError.runtime("MaxConcurrencyPath must select a non-negative integer, not " + v);
    return v.asInt();
  }

  private static ArrayNode filled(int n) {
    ArrayNode a = Json.array();
    for (int i = 0; i < n; i++) a.add(NullNode.instance);
    return a;
  }
}

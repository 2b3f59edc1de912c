package dev.linkpulse.emulators.stepfunctions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads ASL text into a checked {@link Definition.Machine}. Every problem is collected with its JSON pointer
 * ({@code /States/Screen/Retry/0/ErrorEquals: ...}) and reported together in an {@link InvalidDefinitionException}:
 * the engine never skips what it cannot run.
 */
final class DefinitionParser {
  static final int MAX_STATE_NAME = 80;
  private static final Set<String> ROOT_FIELDS = Set.of("Comment", "StartAt", "States", "TimeoutSeconds", "Version", "QueryLanguage");
  private static final Set<String> BRANCH_FIELDS = Set.of("Comment", "StartAt", "States", "ProcessorConfig");

  private final Problems problems = new Problems();
  private final StateParsers states = new StateParsers(this, problems);

  static Definition.Machine parse(String text) {
    JsonNode root;
    try {
      root = Json.parse(text);
    } catch (IllegalArgumentException e) {
      throw new InvalidDefinitionException(List.of("/: the definition is not JSON: " + e.getMessage()));
    }
    DefinitionParser parser = new DefinitionParser();
    Definition.Machine machine = parser.machine(root, "", "", true);
    if (!parser.problems.isEmpty() || machine == null) throw new InvalidDefinitionException(parser.problems.list());
    return machine;
  }

  /** A machine at {@code where}; {@code id} is its interpreter id ({@code ""} for the root). */
  Definition.Machine machine(JsonNode node, String where, String id, boolean root) {
    String here = where.isEmpty() ? "/" : where;
    if (!node.isObject()) {
      problems.add(here, "must be a JSON object");
      return null;
    }
    FieldReader f = new FieldReader((ObjectNode) node, where);
    unknownFields((ObjectNode) node, root ? ROOT_FIELDS : BRANCH_FIELDS, where, root ? "a state machine" : "a branch");
    String language = problems.attempt(f.at("QueryLanguage"), () -> f.text("QueryLanguage"));
    if ("JSONata".equals(language)) problems.add(f.at("QueryLanguage"), "JSONata is not supported by the local engine: write the definition in JSONPath");
    else if (language != null && !language.equals("JSONPath")) problems.add(f.at("QueryLanguage"), "must be JSONPath or JSONata");
    String startAt = problems.attempt(f.at("StartAt"), () -> f.requiredText("StartAt"));
    Integer timeout = root ? problems.attempt(f.at("TimeoutSeconds"), () -> f.integer("TimeoutSeconds", 1)) : null;
    JsonNode statesNode = node.get("States");
    if (statesNode == null || !statesNode.isObject() || statesNode.isEmpty()) {
      problems.add(f.at("States"), "must be a non-empty object of states");
      return null;
    }
    Map<String, Definition.State> parsed = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = statesNode.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String at = where + "/States/" + e.getKey();
      if (e.getKey().isEmpty() || e.getKey().length() > MAX_STATE_NAME) problems.add(at, "a state name has 1 to " + MAX_STATE_NAME + " characters");
      Definition.State state = state(e.getKey(), e.getValue(), at, id);
      if (state != null) parsed.put(e.getKey(), state);
    }
    if (startAt != null && !statesNode.has(startAt)) problems.add(f.at("StartAt"), "names no state of this machine: " + startAt);
    parsed.values().forEach(s -> checkTransitions(s, statesNode));
    return new Definition.Machine(id, startAt, Map.copyOf(parsed), timeout);
  }

  private Definition.State state(String name, JsonNode node, String where, String machineId) {
    if (!node.isObject()) {
      problems.add(where, "a state must be a JSON object");
      return null;
    }
    ObjectNode object = (ObjectNode) node;
    FieldReader f = new FieldReader(object, where);
    String type = problems.attempt(f.at("Type"), () -> f.requiredText("Type"));
    if (type == null) return null;
    if (!StateFields.ALLOWED.containsKey(type)) {
      problems.add(f.at("Type"), "unknown state type " + type + " (supported: " + String.join(", ", new java.util.TreeSet<>(StateFields.ALLOWED.keySet())) + ")");
      return null;
    }
    String language = problems.attempt(f.at("QueryLanguage"), () -> f.text("QueryLanguage"));
    if ("JSONata".equals(language)) problems.add(f.at("QueryLanguage"), "JSONata is not supported by the local engine: write the state in JSONPath");
    unknownFields(object, StateFields.ALLOWED.get(type), where, "a " + type + " state");
    Definition.Common common = common(name, type, f);
    return problems.attempt(where, () -> states.parse(common, f, machineId));
  }

  private Definition.Common common(String name, String type, FieldReader f) {
    String next = problems.attempt(f.at("Next"), () -> f.text("Next"));
    Boolean end = problems.attempt(f.at("End"), () -> f.bool("End"));
    if (StateFields.hasFlow(type)) {
      if (next == null && !Boolean.TRUE.equals(end)) problems.add(f.where(), "a " + type + " state needs Next or \"End\": true");
      if (next != null && f.has("End")) problems.add(f.where(), "Next and End cannot both be given");
    }
    Definition.PathField input = dataPath(f, "InputPath");
    Definition.PathField output = dataPath(f, "OutputPath");
    return new Definition.Common(name, type, f.where(), next, Boolean.TRUE.equals(end), input, output);
  }

  private Definition.PathField dataPath(FieldReader f, String field) {
    Definition.PathField p = problems.attempt(f.at(field), () -> f.pathField(field));
    if (p != null && p.path() != null && p.path().context()) {
      problems.add(f.at(field), field + " reads the state input, not the context object ($$)");
    }
    return p == null ? Definition.PathField.ROOT : p;
  }

  private void unknownFields(ObjectNode node, Set<String> allowed, String where, String what) {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String field = it.next();
      if (allowed.contains(field) || (!what.contains("branch") && !what.contains("machine") && StateFields.EVERY_STATE.contains(field))) continue;
      String refused = StateFields.REFUSED.get(field);
      if (refused != null) problems.add(where + "/" + field, refused);
      else if (StateFields.DISTRIBUTED_ONLY.contains(field)) problems.add(where + "/" + field, field + " applies to a distributed Map, which the local engine does not support");
      else problems.add(where + "/" + field, "field '" + field + "' is not supported by " + what);
    }
  }

  private void checkTransitions(Definition.State state, JsonNode statesNode) {
    String where = state.common().where();
    List<String[]> targets = new ArrayList<>();
    if (state.common().next() != null) targets.add(new String[] {where + "/Next", state.common().next()});
    if (state instanceof Definition.Choice c) {
      for (int i = 0; i < c.choices().size(); i++) targets.add(new String[] {where + "/Choices/" + i + "/Next", c.choices().get(i).next()});
      if (c.defaultNext() != null) targets.add(new String[] {where + "/Default", c.defaultNext()});
    }
    Definition.Processing p = StateParsers.processing(state);
    if (p != null) {
      for (int i = 0; i < p.catchers().size(); i++) targets.add(new String[] {where + "/Catch/" + i + "/Next", p.catchers().get(i).next()});
    }
    for (String[] t : targets) {
      if (t[1] != null && !statesNode.has(t[1])) problems.add(t[0], "MISSING_TRANSITION_TARGET: no state named " + t[1] + " in this machine");
    }
  }
}

package dev.linkpulse.emulators.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** The expression language's syntax tree: document paths, operands, conditions and update actions. */
final class Ast {
  private Ast() {}

  /** A document path such as {@code a.b[2].c}: each element a name (String) or a list index (Integer). */
  record Path(List<Object> elements) {
    Path {
      elements = List.copyOf(elements);
    }

    String top() {
      return (String) elements.get(0);
    }

    boolean overlaps(Path other) {
      int n = Math.min(elements.size(), other.elements.size());
      return elements.subList(0, n).equals(other.elements.subList(0, n));
    }

    @Override
    public String toString() {
      StringBuilder sb = new StringBuilder();
      for (Object e : elements) {
        if (e instanceof Integer i) sb.append('[').append(i).append(']');
        else sb.append(sb.length() == 0 ? "" : ".").append(e);
      }
      return sb.toString();
    }
  }

  /** What a comparison or function reads: an attribute, a literal value, or {@code size(path)}. */
  sealed interface Operand permits PathOperand, ValueOperand, SizeOperand {}

  record PathOperand(Path path) implements Operand {}

  record ValueOperand(JsonNode value) implements Operand {}

  record SizeOperand(Path path) implements Operand {}

  sealed interface Condition permits Compare, Between, In, Not, And, Or, Function {}

  enum Comparator { EQ, NE, LT, LE, GT, GE }

  record Compare(Comparator op, Operand left, Operand right) implements Condition {}

  record Between(Operand subject, Operand low, Operand high) implements Condition {}

  record In(Operand subject, List<Operand> candidates) implements Condition {}

  record Not(Condition condition) implements Condition {}

  record And(Condition left, Condition right) implements Condition {}

  record Or(Condition left, Condition right) implements Condition {}

  /** attribute_exists, attribute_not_exists, attribute_type, begins_with, contains; {@code argument} may be null. */
  record Function(String name, Path path, Operand argument) implements Condition {}

  /** The right-hand side of a SET action. */
  sealed interface SetValue permits Plain, Arithmetic, IfNotExists, ListAppend {}

  record Plain(Operand operand) implements SetValue {}

  record Arithmetic(boolean plus, SetValue left, SetValue right) implements SetValue {}

  record IfNotExists(Path path, SetValue fallback) implements SetValue {}

  record ListAppend(SetValue first, SetValue second) implements SetValue {}

  sealed interface Action permits SetAction, RemoveAction, AddAction, DeleteAction {
    Path path();
  }

  record SetAction(Path path, SetValue value) implements Action {}

  record RemoveAction(Path path) implements Action {}

  record AddAction(Path path, JsonNode value) implements Action {}

  record DeleteAction(Path path, JsonNode value) implements Action {}
}

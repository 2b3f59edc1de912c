package dev.linkpulse.emulators.cloudwatch;

import java.util.List;

/** The syntax tree of a metric math expression. */
sealed interface MathNode {
  record Num(double value) implements MathNode {}

  record Str(String value) implements MathNode {}

  /** The Id of another query in the same request. */
  record Ref(String id) implements MathNode {}

  /** A bare upper-case word that is an argument, not a call: REPEAT, LINEAR. */
  record Keyword(String word) implements MathNode {}

  record Call(String function, List<MathNode> args) implements MathNode {}

  record Binary(String op, MathNode left, MathNode right) implements MathNode {}

  record Negate(MathNode operand) implements MathNode {}

  /** {@code [a, b, ...]}: an array of time series. */
  record ArrayOf(List<MathNode> items) implements MathNode {}
}

package dev.linkpulse.core;

import static dev.linkpulse.testing.Generators.chars;
import static dev.linkpulse.testing.Generators.strings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import org.junit.jupiter.api.Test;

class HashingPropertiesTest {
  @Test
  void hashesAreFunctionsOfTheTextOnly() {
    qt().withExamples(600).forAll(strings()).checkAssert(s -> {
      String copy = new String(s.toCharArray());
      assertThat(Hashing.fnv1a32(copy)).isEqualTo(Hashing.fnv1a32(s));
      assertThat(Hashing.hash64(copy)).isEqualTo(Hashing.hash64(s));
    });
  }

  @Test
  void distinctSingleCharacterEditsChangeHash64() {
    qt().withExamples(550).forAll(strings(), chars(), chars()).checkAssert((s, a, b) -> {
      // Lone surrogates all encode to the same '?' in UTF-8, so they are not distinct inputs to the hash.
      if (a.equals(b) || Character.isSurrogate(a) || Character.isSurrogate(b)) return;
      // Not a guarantee of any hash, but a collision here would be a one-in-2^64 event or a broken mix.
      assertThat(Hashing.hash64(s + a)).isNotEqualTo(Hashing.hash64(s + b));
    });
  }
}

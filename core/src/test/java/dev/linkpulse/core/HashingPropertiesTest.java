package dev.linkpulse.core;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

class HashingPropertiesTest {
  @Property(tries = 500)
  void hashesAreFunctionsOfTheTextOnly(@ForAll String s) {
    String copy = new String(s.toCharArray());
    assertThat(Hashing.fnv1a32(copy)).isEqualTo(Hashing.fnv1a32(s));
    assertThat(Hashing.hash64(copy)).isEqualTo(Hashing.hash64(s));
  }

  @Property(tries = 500)
  void distinctSingleCharacterEditsChangeHash64(@ForAll String s, @ForAll char a, @ForAll char b) {
    // Lone surrogates all encode to the same '?' in UTF-8, so they are not distinct inputs to the hash.
    if (a == b || Character.isSurrogate(a) || Character.isSurrogate(b)) return;
    // Not a guarantee of any hash, but a collision here would be a one-in-2^64 event or a broken mix.
    assertThat(Hashing.hash64(s + a)).isNotEqualTo(Hashing.hash64(s + b));
  }
}

package dev.linkpulse.core;

import java.nio.charset.StandardCharsets;

/** Small, stable, non-cryptographic hashes (stable across JVMs and releases, unlike {@code String.hashCode} is not guaranteed to be by contract). */
public final class Hashing {
  private Hashing() {}

  public static int fnv1a32(String s) {
    int h = 0x811c9dc5;
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      h ^= (b & 0xff);
      h *= 0x01000193;
    }
    return h;
  }

  /** 64-bit mix of a string (FNV-1a followed by a murmur3 finalizer) for sketches that need well-spread bits. */
  public static long hash64(String s) {
    long h = 0xcbf29ce484222325L;
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      h ^= (b & 0xff);
      h *= 0x100000001b3L;
    }
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }
}

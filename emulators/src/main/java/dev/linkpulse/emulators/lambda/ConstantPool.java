package dev.linkpulse.emulators.lambda;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The constant pool of a class file, read in place (JVMS 17, section 4.4): where each entry starts and what its
 * tag is, so that references can be found and patched without a bytecode library.
 */
final class ConstantPool {
  static final int UTF8 = 1;
  static final int CLASS = 7;
  static final int METHODREF = 10;
  static final int NAME_AND_TYPE = 12;
  /** Offset of {@code constant_pool_count}: after magic (4 bytes), minor and major version (2 each). */
  static final int COUNT_OFFSET = 8;

  private final byte[] bytes;
  private final int count;
  private final int[] offsets;
  private final int end;

  private ConstantPool(byte[] bytes, int count, int[] offsets, int end) {
    this.bytes = bytes;
    this.count = count;
    this.offsets = offsets;
    this.end = end;
  }

  /** Reads the pool; throws IllegalArgumentException when the bytes are not a class file this reader knows. */
  static ConstantPool read(byte[] classFile) {
    if (classFile.length < 10 || u4(classFile, 0) != 0xCAFEBABEL) throw new IllegalArgumentException("not a class file");
    int count = u2(classFile, COUNT_OFFSET);
    int[] offsets = new int[count];
    int at = COUNT_OFFSET + 2;
    for (int i = 1; i < count; i++) {
      offsets[i] = at;
      int tag = classFile[at] & 0xFF;
      at += 1 + size(tag, classFile, at + 1);
      // Longs and doubles take two slots (JVMS 4.4.5): the next index is unusable.
      if (tag == 5 || tag == 6) i++;
      if (at > classFile.length) throw new IllegalArgumentException("truncated constant pool");
    }
    return new ConstantPool(classFile, count, offsets, at);
  }

  private static int size(int tag, byte[] b, int at) {
    return switch (tag) {
      case UTF8 -> 2 + u2(b, at);
      case 3, 4, 9, 10, 11, NAME_AND_TYPE, 17, 18 -> 4; // Integer, Float, field/method/interface refs, Dynamic
      case 5, 6 -> 8; // Long, Double
      case CLASS, 8, 16, 19, 20 -> 2; // Class, String, MethodType, Module, Package
      case 15 -> 3; // MethodHandle
      default -> throw new IllegalArgumentException("unknown constant pool tag " + tag);
    };
  }

  /** {@code constant_pool_count}: one more than the highest index. */
  int count() {
    return count;
  }

  /** Offset of the first byte after the pool. */
  int end() {
    return end;
  }

  int tag(int index) {
    return offsets[index] == 0 ? 0 : bytes[offsets[index]] & 0xFF;
  }

  /** The {@code index}-th two-byte field of an entry, after its tag. */
  int field(int index, int which) {
    return u2(bytes, offsets[index] + 1 + 2 * which);
  }

  /** Offset of the {@code which}-th two-byte field of an entry, for patching. */
  int fieldOffset(int index, int which) {
    return offsets[index] + 1 + 2 * which;
  }

  boolean utf8Equals(int index, byte[] expected) {
    if (tag(index) != UTF8) return false;
    int at = offsets[index] + 1;
    int length = u2(bytes, at);
    return length == expected.length && Arrays.equals(bytes, at + 2, at + 2 + length, expected, 0, length);
  }

  String utf8(int index) {
    int at = offsets[index] + 1;
    // Class and member names here are ASCII in practice; modified UTF-8 differs from UTF-8 only beyond it.
    return new String(bytes, at + 2, u2(bytes, at), StandardCharsets.UTF_8);
  }

  /** Indexes of the Methodref entries naming {@code owner.name} (internal class name, method name). */
  List<Integer> methodRefs(byte[] owner, byte[] name) {
    List<Integer> found = new ArrayList<>();
    for (int i = 1; i < count; i++) {
      if (tag(i) != METHODREF) continue;
      int classIndex = field(i, 0);
      int nameAndType = field(i, 1);
      if (tag(classIndex) == CLASS && utf8Equals(field(classIndex, 0), owner)
          && tag(nameAndType) == NAME_AND_TYPE && utf8Equals(field(nameAndType, 0), name)) {
        found.add(i);
      }
    }
    return found;
  }

  static int u2(byte[] b, int at) {
    return (b[at] & 0xFF) << 8 | b[at + 1] & 0xFF;
  }

  static long u4(byte[] b, int at) {
    return (long) u2(b, at) << 16 | u2(b, at + 2);
  }

  static void putU2(byte[] b, int at, int value) {
    b[at] = (byte) (value >>> 8);
    b[at + 1] = (byte) value;
  }
}

package dev.linkpulse.emulators.lambda;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Rewrites a class as it is loaded so that its calls to {@code System.getenv} go to {@link FunctionEnvironment}
 * instead: many functions share one JVM here, and each must see its own environment, as each would in its own
 * Lambda execution environment.
 *
 * <p>Both overloads keep their descriptors ({@code (String)String} and {@code ()Map}), so only the owner class of
 * the matching Methodref entries changes: two constants are appended to the pool (the target's name and its Class
 * entry) and those entries point at the new Class. Method handles ({@code System::getenv}) reference the same
 * Methodref entries and follow. No instruction, offset or stack map moves.
 */
final class GetenvRedirect {
  private static final byte[] SYSTEM = ascii("java/lang/System");
  private static final byte[] GETENV = ascii("getenv");

  private GetenvRedirect() {}

  /**
   * The class file with every {@code System.getenv} reference aimed at {@code target} (a binary class name);
   * the same array when the class has none or is not a class file this reader knows (defineClass then judges it).
   */
  static byte[] apply(byte[] classFile, String target) {
    if (!contains(classFile, GETENV)) return classFile;
    ConstantPool pool;
    try {
      pool = ConstantPool.read(classFile);
    } catch (IllegalArgumentException notAClassFile) {
      return classFile;
    }
    List<Integer> refs = pool.methodRefs(SYSTEM, GETENV);
    if (refs.isEmpty() || pool.count() + 2 > 0xFFFF) return classFile;
    byte[] name = ascii(target.replace('.', '/'));
    int nameIndex = pool.count();
    int classIndex = nameIndex + 1;
    int appended = 3 + name.length + 3;
    byte[] out = new byte[classFile.length + appended];
    System.arraycopy(classFile, 0, out, 0, pool.end());
    ConstantPool.putU2(out, ConstantPool.COUNT_OFFSET, pool.count() + 2);
    for (int ref : refs) ConstantPool.putU2(out, pool.fieldOffset(ref, 0), classIndex);
    int at = pool.end();
    out[at] = ConstantPool.UTF8;
    ConstantPool.putU2(out, at + 1, name.length);
    System.arraycopy(name, 0, out, at + 3, name.length);
    at += 3 + name.length;
    out[at] = ConstantPool.CLASS;
    ConstantPool.putU2(out, at + 1, nameIndex);
    System.arraycopy(classFile, pool.end(), out, at + 3, classFile.length - pool.end());
    return out;
  }

  /** A cheap first look: most classes never mention getenv, and those are left unparsed. */
  private static boolean contains(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0, last = haystack.length - needle.length; i <= last; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) continue outer;
      }
      return true;
    }
    return false;
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}

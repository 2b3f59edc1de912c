package dev.linkpulse.emulators.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import dev.linkpulse.emulators.lambda.fixture.Absent;
import dev.linkpulse.emulators.lambda.fixture.EnvironmentHandler;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class GetenvRedirectTest {
  static byte[] classFile(String name) throws Exception {
    try (InputStream in = GetenvRedirectTest.class.getClassLoader().getResourceAsStream(name.replace('.', '/') + ".class")) {
      return in.readAllBytes();
    }
  }

  @Test
  void aClassThatNeverCallsGetenvIsLeftAsItIs() throws Exception {
    byte[] plain = classFile(Absent.class.getName());
    assertThat(GetenvRedirect.apply(plain, FunctionEnvironment.class.getName())).isSameAs(plain);
    // FunctionEnvironment names methods getenv but calls no System.getenv: unchanged too.
    byte[] environment = classFile(FunctionEnvironment.class.getName());
    assertThat(GetenvRedirect.apply(environment, FunctionEnvironment.class.getName())).isSameAs(environment);
  }

  @Test
  void bytesThatAreNoClassFileAreLeftForDefineClassToRefuse() {
    byte[] junk = "getenv, but no class file".getBytes();
    assertThat(GetenvRedirect.apply(junk, "x.Y")).isSameAs(junk);
  }

  @Test
  void theRewriteAppendsTwoConstantsAndAimsEveryGetenvReferenceAtTheTarget() throws Exception {
    byte[] original = classFile(EnvironmentHandler.class.getName());
    byte[] rewritten = GetenvRedirect.apply(original, "a.B");
    ConstantPool before = ConstantPool.read(original);
    ConstantPool after = ConstantPool.read(rewritten);
    assertThat(after.count()).isEqualTo(before.count() + 2);
    // one Methodref per overload, shared by the calls and the method reference that use it
    assertThat(before.methodRefs(bytes("java/lang/System"), bytes("getenv"))).hasSize(2);
    assertThat(after.methodRefs(bytes("java/lang/System"), bytes("getenv"))).isEmpty();
    assertThat(after.methodRefs(bytes("a/B"), bytes("getenv"))).hasSize(2);
    assertThat(rewritten.length - after.end()).as("everything after the pool is untouched").isEqualTo(original.length - before.end());
  }

  private static byte[] bytes(String s) {
    return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  }
}

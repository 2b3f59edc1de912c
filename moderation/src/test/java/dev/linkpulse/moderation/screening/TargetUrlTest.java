package dev.linkpulse.moderation.screening;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TargetUrlTest {
  /** Found by HeuristicsPropertiesTest: java.net.URI has no host for it, yet the create call stores it. */
  @Test
  void aStoredTargetWhoseTopLabelIsLedByADigitHasItsHostRead() {
    TargetUrl target = TargetUrl.parse("http://10.0x0ahttp://");
    assertThat(target.host().ascii()).isEqualTo("10.0x0ahttp");
    assertThat(new Heuristics().findings(target)).isNotNull();
  }

  @Test
  void theHostIsReadWithoutItsPort() {
    assertThat(TargetUrl.parse("https://Example.COM:8443/a?B=1").host().ascii()).isEqualTo("example.com");
  }
}

package dev.linkpulse.core.links;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.linkpulse.core.http.ApiException;

/** How the URL validator's tests check a refusal: a 400 with the documented code, nothing else. */
final class UrlRejections {
  private UrlRejections() {}

  static void assertRejected(UrlValidator v, String url, String code) {
    assertThatThrownBy(() -> v.validate(url))
        .as("validate(%s)", url == null ? null : url.replace("\n", "\\n").replace("\t", "\\t").replace("\u0000", "\\0"))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.code()).isEqualTo(code);
          assertThat(e.status()).isEqualTo(400);
        });
  }
}

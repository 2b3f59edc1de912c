package dev.linkpulse.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Defect 6 of issue 11 at the function: CloudFront-* headers are believed only on requests the edge sent. */
class EdgeTrustTest {
  static final String SECRET = "s".repeat(40);
  static final Map<String, String> FORGED = Map.of("cloudfront-viewer-country", "DE", "CloudFront-Viewer-Address", "203.0.113.7:1",
      "user-agent", "curl/8");

  @Test
  void withoutAConfiguredEdge_noCloudFrontHeaderIsBelieved_andNothingIsRefused() {
    EdgeTrust none = new EdgeTrust(null);
    assertThat(none.admit(FORGED)).containsOnlyKeys("user-agent");
    assertThat(none.admit(Map.of(EdgeTrust.HEADER, "anything", "cloudfront-viewer-country", "DE"))).isEmpty();
    assertThat(none.admit(null)).isEmpty();
  }

  @Test
  void withAConfiguredEdge_aRequestWithoutTheSecretIsRefused() {
    EdgeTrust edge = new EdgeTrust(SECRET);
    for (Map<String, String> headers : java.util.List.of(FORGED, Map.of(EdgeTrust.HEADER, "wrong"), Map.of(EdgeTrust.HEADER, SECRET + "x"),
        Map.<String, String>of())) {
      assertThatThrownBy(() -> edge.admit(headers)).isInstanceOfSatisfying(ApiException.class, e -> {
        assertThat(e.status()).isEqualTo(403);
        assertThat(e.code()).isEqualTo("edge_required");
      });
    }
  }

  @Test
  void onARequestFromTheEdge_itsCloudFrontHeadersAreKept_andTheSecretIsNot() {
    EdgeTrust edge = new EdgeTrust(SECRET);
    Map<String, String> viaEdge = new java.util.HashMap<>(FORGED);
    viaEdge.put("X-Linkpulse-Edge", SECRET);
    assertThat(edge.admit(viaEdge)).containsOnlyKeys("cloudfront-viewer-country", "CloudFront-Viewer-Address", "user-agent");
  }
}

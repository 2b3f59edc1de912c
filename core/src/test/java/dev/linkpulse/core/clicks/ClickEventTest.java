package dev.linkpulse.core.clicks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.linkpulse.core.Json;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The recorder re-validates every event from the bus: anything malformed must fail with a reason, nothing else. */
class ClickEventTest {
  static ClickEvent sample() {
    return new ClickEvent(UUID.randomUUID().toString(), Instant.parse("2026-11-22T12:03:18.150Z"), "promo-1", "", "GET",
        "https://news.example/item", "Mozilla/5.0", "DE", "n5gqhnM1YYBVQNjEFyF0aA", true, Map.of("source", "hn", "medium", "social"));
  }

  @Test
  void aDetailRoundTripsThroughTheSchema() {
    ClickEvent e = sample();
    assertThat(ClickEvent.fromDetail(e.toDetail())).isEqualTo(e);
    assertThat(e.referrerHost()).isEqualTo("news.example");
    assertThat(e.source()).isEqualTo("hn");
  }

  @Test
  void missingOptionalFieldsGetTheirDefaults() {
    ObjectNode d = sample().toDetail();
    d.remove("country");
    d.remove("referrer");
    d.remove("utm");
    d.put("qr", false);
    ClickEvent e = ClickEvent.fromDetail(d);
    assertThat(e.country()).isEqualTo(ClickEvent.UNKNOWN_COUNTRY);
    assertThat(e.referrerHost()).isEqualTo("(direct)");
    assertThat(e.source()).isEqualTo("(none)");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "schemaVersion|2|unsupported schemaVersion",
      "eventId|\"not-a-uuid\"|eventId is not a UUID",
      "time|\"yesterday\"|time is not an ISO-8601 instant",
      "code|\"has space\"|code is not a short code",
      "method|\"POST\"|method must be GET or HEAD",
      "country|\"Germany\"|country is not an ISO 3166",
      "visitor|\"x\"|visitor is not a visitor hash",
      "qr|\"yes\"|qr must be a boolean",
      "utm|{\"evil\":\"1\"}|unknown utm key",
      "userAgent|42|userAgent must be a string"})
  void eachBrokenFieldIsRejectedWithItsReason(String field, String json, String reason) throws Exception {
    ObjectNode d = sample().toDetail();
    d.set(field, Json.tree(json));
    assertThatThrownBy(() -> ClickEvent.fromDetail(d)).isInstanceOf(InvalidClickEvent.class).hasMessageContaining(reason);
  }

  @Test
  void longUserAgentsAndReferrersAreTruncatedNotRejected() {
    ObjectNode d = sample().toDetail();
    d.put("userAgent", "a".repeat(5_000));
    d.put("referrer", "https://r.example/" + "b".repeat(5_000));
    ClickEvent e = ClickEvent.fromDetail(d);
    assertThat(e.userAgent()).hasSize(ClickEvent.MAX_USER_AGENT);
    assertThat(e.referrer()).hasSize(ClickEvent.MAX_REFERRER);
  }

  @Test
  void truncationNeverSplitsASurrogatePair() {
    String s = "a".repeat(9) + "\uD83D\uDE00";
    assertThat(ClickEvent.truncate(s, 10)).isEqualTo("a".repeat(9));
  }
}

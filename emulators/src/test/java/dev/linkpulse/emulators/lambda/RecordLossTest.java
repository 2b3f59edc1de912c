package dev.linkpulse.emulators.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.linkpulse.emulators.protocol.Json;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The record-loss fault: exactly the asked share of records vanish, the rest pass untouched and in order. */
class RecordLossTest {
  private static String sqsEvent(int from, int count) {
    StringBuilder records = new StringBuilder();
    for (int i = from; i < from + count; i++) {
      if (i > from) records.append(',');
      records.append("{\"messageId\":\"m").append(i).append("\",\"body\":\"{}\"}");
    }
    return "{\"Records\":[" + records + "]}";
  }

  private static List<String> ids(String event) throws Exception {
    List<String> ids = new ArrayList<>();
    for (JsonNode r : Json.tree(event).get("Records")) ids.add(r.get("messageId").asText());
    return ids;
  }

  @Test
  void withNoShareSetTheEventPassesAsItIs() {
    RecordLoss loss = new RecordLoss();
    String event = sqsEvent(0, 10);
    assertThat(loss.apply(event)).isSameAs(event);
    assertThat(loss.lost()).isZero();
  }

  @Test
  void exactlyTheShareOfRecordsIsLostAcrossBatches() throws Exception {
    RecordLoss loss = new RecordLoss();
    loss.set(0.2);
    List<String> kept = new ArrayList<>();
    for (int batch = 0; batch < 10; batch++) kept.addAll(ids(loss.apply(sqsEvent(batch * 7, 7))));
    assertThat(loss.lost()).isEqualTo(14);
    assertThat(kept).hasSize(56).doesNotHaveDuplicates();
    assertThat(kept).isSortedAccordingTo((a, b) -> Integer.compare(Integer.parseInt(a.substring(1)), Integer.parseInt(b.substring(1))));
  }

  @Test
  void aShareOfOneLosesEveryRecordAndLeavesAnEmptyBatch() throws Exception {
    RecordLoss loss = new RecordLoss();
    loss.set(1);
    assertThat(ids(loss.apply(sqsEvent(0, 5)))).isEmpty();
    assertThat(loss.lost()).isEqualTo(5);
  }

  @Test
  void anEventWithoutRecordsIsNotTouched() {
    RecordLoss loss = new RecordLoss();
    loss.set(0.5);
    String scheduled = "{\"source\":\"aws.events\",\"detail\":{}}";
    assertThat(loss.apply(scheduled)).isSameAs(scheduled);
    assertThat(loss.lost()).isZero();
  }

  @Test
  void aShareOutsideZeroToOneIsRefused() {
    RecordLoss loss = new RecordLoss();
    assertThatThrownBy(() -> loss.set(1.5)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("between 0 and 1");
    assertThatThrownBy(() -> loss.set(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
  }
}

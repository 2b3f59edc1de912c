package dev.linkpulse.core.links;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.linkpulse.core.Keys;
import dev.linkpulse.core.http.ApiException;
import dev.linkpulse.testing.FuzzInput;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Coverage-guided fuzzing of the "my links" cursor: a cursor is refused with {@code 400 cursor_invalid}, or decodes
 * to a key of the caller's own partition that encodes back to a cursor decoding to the same key.
 */
class LinkCursorFuzzTest {
  private static final String ALICE = Keys.ownerPartition("alice");

  @FuzzTest
  void linkCursor(byte[] input) {
    Map<String, AttributeValue> key;
    try {
      key = LinkCursor.decode(FuzzInput.text(input), ALICE);
    } catch (ApiException refused) {
      assertThat(refused.status()).isEqualTo(400);
      assertThat(refused.code()).isEqualTo("cursor_invalid");
      return;
    }
    assertThat(key.get(Keys.GSI1PK).s()).isEqualTo(ALICE);
    assertThat(LinkCursor.decode(LinkCursor.encode(key), ALICE)).isEqualTo(key);
  }
}

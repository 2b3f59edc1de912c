package dev.linkpulse.emulators.eventsources;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** Lambda's documented success and failure conditions for partial batch responses. */
class BatchResponsesTest {
  static final Set<String> KNOWN = Set.of("a", "b", "c");

  @Test
  void theseAreCompleteSuccesses() {
    assertThat(BatchResponses.failures(null, KNOWN)).isEmpty();
    assertThat(BatchResponses.failures("", KNOWN)).isEmpty();
    assertThat(BatchResponses.failures("null", KNOWN)).isEmpty();
    assertThat(BatchResponses.failures("{}", KNOWN)).isEmpty();
    assertThat(BatchResponses.failures("{\"batchItemFailures\":null}", KNOWN)).isEmpty();
    assertThat(BatchResponses.failures("{\"batchItemFailures\":[]}", KNOWN)).isEmpty();
  }

  @Test
  void theseFailTheWholeBatch() {
    assertThat(BatchResponses.failures("not json", KNOWN)).isNull();
    assertThat(BatchResponses.failures("\"ok\"", KNOWN)).isNull();
    assertThat(BatchResponses.failures("{\"batchItemFailures\":{}}", KNOWN)).isNull();
    assertThat(BatchResponses.failures("{\"batchItemFailures\":[{\"itemIdentifier\":\"\"}]}", KNOWN)).isNull();
    assertThat(BatchResponses.failures("{\"batchItemFailures\":[{\"itemIdentifier\":null}]}", KNOWN)).isNull();
    assertThat(BatchResponses.failures("{\"batchItemFailures\":[{\"id\":\"a\"}]}", KNOWN)).isNull();
    assertThat(BatchResponses.failures("{\"batchItemFailures\":[{\"itemIdentifier\":\"a\"},{\"itemIdentifier\":\"zzz\"}]}", KNOWN)).isNull();
  }

  @Test
  void reportedIdentifiersAreReturnedInOrder() {
    assertThat(BatchResponses.failures("{\"batchItemFailures\":[{\"itemIdentifier\":\"c\"},{\"itemIdentifier\":\"a\"}]}", KNOWN))
        .containsExactly("c", "a");
  }
}

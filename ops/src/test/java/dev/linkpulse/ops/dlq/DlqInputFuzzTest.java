package dev.linkpulse.ops.dlq;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.linkpulse.ops.UsageError;
import dev.linkpulse.testing.FuzzInput;
import java.util.List;

/**
 * Coverage-guided fuzzing of what the DLQ tools read: the {@code --filter}/{@code --grep} selection (with any message
 * body against it) and a backup file. Bad input is a {@link UsageError}, before anything is received or sent;
 * nothing else escapes. {@code --grep} is the operator's own regular expression, so Jazzer's regex-injection
 * sanitizer is switched off for this class (junit-platform.properties, and {@code ./linkpulse fuzz}).
 */
class DlqInputFuzzTest {
  /** Bounds that keep an operator's pathological regex from turning this into a benchmark of java.util.regex. */
  private static final int MAX_EXPRESSION = 64;
  private static final int MAX_BODY = 512;

  /** Three lines: the filter, the grep, and a message body (the rest of the input). */
  @FuzzTest
  void selection(byte[] input) {
    List<String> fields = FuzzInput.fields(input, 3);
    String filter = bounded(fields.get(0), MAX_EXPRESSION);
    String grep = bounded(fields.get(1), MAX_EXPRESSION);
    Selector selector;
    try {
      selector = Selector.of(filter, grep);
    } catch (UsageError refused) {
      assertThat(refused.getMessage()).startsWith("--");
      return;
    }
    boolean matched = selector.matches(bounded(fields.get(2), MAX_BODY));
    if (selector.selectsAll()) assertThat(matched).isTrue();
    assertThat(selector.describe()).isNotNull();
  }

  @FuzzTest
  void backup(byte[] input) {
    List<Item> items;
    try {
      items = BackupFile.parse("fuzz.ndjson", input);
    } catch (UsageError refused) {
      assertThat(refused.getMessage()).contains("fuzz.ndjson");
      return;
    }
    assertThat(items).isNotEmpty().allSatisfy(item -> {
      assertThat(item.messageId()).isNotNull();
      assertThat(item.body()).isNotNull();
    });
  }

  private static String bounded(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }
}

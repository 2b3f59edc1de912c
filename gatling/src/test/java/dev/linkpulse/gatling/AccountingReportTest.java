package dev.linkpulse.gatling;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The table people read and the JSON tools read: totals per class, the verdict, the lag, and the rows that differ. */
class AccountingReportTest {
  @TempDir Path dir;

  private static Accounting.Row row(String code, long sentHuman, long sentBot, long countedHuman, long countedBot) {
    return new Accounting.Row(code, new Ledger.Tally(sentHuman, sentBot, 0),
        new ApiClient.Counts(countedHuman + countedBot, countedHuman, countedBot), null);
  }

  @Test
  void aBalancedRunShowsTotalsTheLagAndYes() {
    Accounting a = new Accounting("RedirectStorm", List.of(row("aaa", 10, 2, 10, 2), row("bbb", 3, 0, 3, 0)), 10_000, 11_250, 40, 1_300);
    String table = AccountingReport.table(a, Duration.ofMinutes(2), 40);
    assertThat(table).containsPattern("human +13 +13 +0\n")
        .containsPattern("bot +2 +2 +0\n")
        .containsPattern("total +15 +15 +0\n")
        .contains("2 of 2 balanced")
        .contains("pipeline lag         1.25 s")
        .contains("sent = counted       YES")
        .doesNotContain("difference  failed");
  }

  @Test
  void anUnbalancedRunListsTheLinksThatDifferWorstFirst() {
    Accounting a = new Accounting("ViralLink", List.of(row("aaa", 10, 0, 10, 0), row("bbb", 5, 5, 5, 4), row("ccc", 20, 0, 12, 0)), 10_000, -1, 40, 120_000);
    String table = AccountingReport.table(a, Duration.ofMinutes(2), 40);
    assertThat(table).contains("sent = counted       NO: 2 of 3 links differ").contains("pipeline lag         unknown");
    assertThat(table.indexOf("ccc")).isLessThan(table.indexOf("bbb"));
    assertThat(table).doesNotContain("aaa");
  }

  @Test
  void thePrintedTableStopsAtItsRowLimitAndSaysHowManyMore() {
    List<Accounting.Row> rows = new ArrayList<>();
    for (int i = 0; i < 50; i++) rows.add(row("l" + i, 10, 0, 9, 0));
    String table = AccountingReport.table(new Accounting("Soak", rows, 1, -1, 1, 1), Duration.ofSeconds(5), 40);
    assertThat(table).contains("... and 10 more links");
  }

  @Test
  void theFilesHoldEveryRowAndTheJsonTheSameNumbers() throws Exception {
    List<Accounting.Row> rows = new ArrayList<>();
    for (int i = 0; i < 50; i++) rows.add(row("l" + i, 10, 1, 9, 1));
    Accounting a = new Accounting("Soak", rows, 1, -1, 1, 1);
    Path txt = dir.resolve("soak-accounting.txt");
    Path json = AccountingReport.write(a, Duration.ofSeconds(5), txt);
    assertThat(json.getFileName().toString()).isEqualTo("soak-accounting.json");
    assertThat(Files.readString(txt)).contains("l49").doesNotContain("more links");
    JsonNode j = new ObjectMapper().readTree(Files.readString(json));
    assertThat(j.path("balanced").asBoolean()).isFalse();
    assertThat(j.at("/sent/human").asLong()).isEqualTo(500);
    assertThat(j.at("/counted/total").asLong()).isEqualTo(500);
    assertThat(j.path("links")).hasSize(50);
  }
}

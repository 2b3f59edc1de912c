package dev.linkpulse.emulators.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.model.AlarmHistoryItem;
import software.amazon.awssdk.services.cloudwatch.model.HistoryItemType;
import software.amazon.awssdk.services.cloudwatch.model.ScanBy;

/** DescribeAlarmHistory: configuration updates, state updates and actions, newest first, kept two weeks. */
class AlarmHistoryTest extends CloudWatchFixture {
  private List<String> history(HistoryItemType type, ScanBy scanBy) {
    return client.describeAlarmHistory(r -> r.alarmName("a").historyItemType(type).scanBy(scanBy)).alarmHistoryItems().stream()
        .map(AlarmHistoryItem::historySummary).toList();
  }

  @Test
  void everyChangeIsRecorded_withItsType() {
    client.putMetricAlarm(errorsAlarm("a", 1, 1).build());
    putErrors(5, now());
    advance(Duration.ofMinutes(1));
    client.putMetricAlarm(errorsAlarm("a", 1, 1).threshold(50.0).build());
    assertThat(history(HistoryItemType.CONFIGURATION_UPDATE, ScanBy.TIMESTAMP_ASCENDING)).containsExactly("Alarm \"a\" created", "Alarm \"a\" updated");
    assertThat(history(HistoryItemType.STATE_UPDATE, ScanBy.TIMESTAMP_ASCENDING))
        .containsExactly("Alarm updated from INSUFFICIENT_DATA to ALARM", "Alarm updated from ALARM to OK");
    assertThat(history(HistoryItemType.ACTION, null))
        .containsExactly("Successfully executed action " + TOPIC, "Successfully executed action " + TOPIC);
    AlarmHistoryItem newest = client.describeAlarmHistory(r -> r.alarmName("a")).alarmHistoryItems().get(0);
    assertThat(newest.historyItemType()).isEqualTo(HistoryItemType.ACTION);
    AlarmHistoryItem alarm = client.describeAlarmHistory(r -> r.alarmName("a").historyItemType(HistoryItemType.STATE_UPDATE)
        .scanBy(ScanBy.TIMESTAMP_ASCENDING)).alarmHistoryItems().get(0);
    assertThat(alarm.historyData()).contains("\"oldState\":{\"stateValue\":\"INSUFFICIENT_DATA\"", "\"newState\":{\"stateValue\":\"ALARM\"",
        "\"stateReasonData\":{\"version\":\"1.0\"");
    assertThat(alarm.timestamp()).isEqualTo(START.plusSeconds(60));
  }

  @Test
  void compositeHistory_onlyWhenAskedForByAlarmTypes() {
    client.putMetricAlarm(errorsAlarm("a", 1, 1).build());
    client.putCompositeAlarm(r -> r.alarmName("c").alarmRule("ALARM(a)"));
    assertThat(client.describeAlarmHistory(r -> r.alarmName("c")).alarmHistoryItems()).isEmpty();
    assertThat(client.describeAlarmHistory(r -> r.alarmName("c").alarmTypesWithStrings("CompositeAlarm")).alarmHistoryItems())
        .extracting(AlarmHistoryItem::historySummary).containsExactly("Alarm updated from INSUFFICIENT_DATA to OK", "Alarm \"c\" created");
  }

  @Test
  void dateRangeAndPaging() {
    client.putMetricAlarm(errorsAlarm("a", 1, 1).build());
    for (int i = 0; i < 3; i++) {
      putErrors(5, now());
      advance(Duration.ofMinutes(1));
      putErrors(0, now());
      advance(Duration.ofMinutes(1));
    }
    var page = client.describeAlarmHistory(r -> r.alarmName("a").historyItemType(HistoryItemType.STATE_UPDATE).maxRecords(2));
    assertThat(page.alarmHistoryItems()).hasSize(2);
    var rest = client.describeAlarmHistory(r -> r.alarmName("a").historyItemType(HistoryItemType.STATE_UPDATE).maxRecords(10).nextToken(page.nextToken()));
    assertThat(rest.alarmHistoryItems()).hasSize(4);
    assertThat(rest.nextToken()).isNull();
    assertThat(client.describeAlarmHistory(r -> r.alarmName("a").historyItemType(HistoryItemType.STATE_UPDATE)
        .startDate(START.plusSeconds(150)).endDate(START.plusSeconds(250))).alarmHistoryItems())
        .extracting(AlarmHistoryItem::timestamp).containsExactly(START.plusSeconds(240), START.plusSeconds(180));
  }

  @Test
  void historyIsKeptTwoWeeks() {
    client.putMetricAlarm(errorsAlarm("a", 1, 1).treatMissingData("notBreaching").build());
    advance(Duration.ofDays(15));
    putErrors(5, now());
    advance(Duration.ofMinutes(1));
    assertThat(client.describeAlarmHistory(r -> r.alarmName("a").scanBy(ScanBy.TIMESTAMP_ASCENDING)).alarmHistoryItems())
        .extracting(AlarmHistoryItem::historySummary).first().isEqualTo("Alarm updated from OK to ALARM");
  }
}

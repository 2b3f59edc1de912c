package dev.linkpulse.emulators.cloudwatch;

import java.time.Instant;

/** One DescribeAlarmHistory item: ConfigurationUpdate, StateUpdate or Action, with its summary and JSON data. */
record HistoryItem(String alarmName, String alarmType, Instant timestamp, String type, String summary, String data) {}

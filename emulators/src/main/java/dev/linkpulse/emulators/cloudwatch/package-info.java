/**
 * A local CloudWatch: metrics (PutMetricData, Embedded Metric Format lines, service metrics), GetMetricData with
 * metric math, GetMetricStatistics, ListMetrics, and metric and composite alarms evaluated every minute of
 * {@link dev.linkpulse.emulators.time.Timeline} time, their actions delivered to a local sink. Public surface:
 * {@link dev.linkpulse.emulators.cloudwatch.LocalCloudWatch} (builder and handle) and
 * {@link dev.linkpulse.emulators.cloudwatch.AlarmNotification}; the wire codecs (Query and JSON), the model
 * (store, alarms) and the rules (math, missing data, composite rules) are package-private.
 */
package dev.linkpulse.emulators.cloudwatch;

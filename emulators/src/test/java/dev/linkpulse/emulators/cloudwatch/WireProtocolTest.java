package dev.linkpulse.emulators.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;

/**
 * The two protocols on one endpoint, as the clients send them: JSON 1.0 with {@code X-Amz-Target:
 * GraniteServiceVersion20100801.<Op>} (botocore, hence the aws CLI) and AWS Query (the SDK for Java), whose large
 * PutMetricData bodies arrive gzip-compressed.
 */
class WireProtocolTest extends CloudWatchFixture {
  private final HttpClient http = HttpClient.newHttpClient();

  private HttpResponse<String> json(String operation, String body) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(cloudWatch.endpoint() + "/"))
        .header("X-Amz-Target", "GraniteServiceVersion20100801." + operation).header("Content-Type", "application/x-amz-json-1.0")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> query(String form) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(cloudWatch.endpoint() + "/"))
        .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void json_asBotocoreSendsIt_withEpochSecondTimestamps() throws Exception {
    HttpResponse<String> put = json("PutMetricData", "{\"Namespace\":\"App\",\"MetricData\":[{\"MetricName\":\"Hits\",\"Value\":2,"
        + "\"Timestamp\":" + START.getEpochSecond() + ",\"Dimensions\":[{\"Name\":\"Service\",\"Value\":\"web\"}]}]}");
    assertThat(put.statusCode()).isEqualTo(200);
    HttpResponse<String> alarm = json("PutMetricAlarm", "{\"AlarmName\":\"cli\",\"Namespace\":\"App\",\"MetricName\":\"Hits\","
        + "\"Statistic\":\"Sum\",\"Period\":60,\"EvaluationPeriods\":1,\"Threshold\":1,\"ComparisonOperator\":\"GreaterThanThreshold\"}");
    assertThat(alarm.statusCode()).isEqualTo(200);
    HttpResponse<String> described = json("DescribeAlarms", "{}");
    assertThat(described.headers().firstValue("Content-Type")).hasValue("application/x-amz-json-1.0");
    com.fasterxml.jackson.databind.JsonNode alarms = new com.fasterxml.jackson.databind.ObjectMapper().readTree(described.body()).get("MetricAlarms");
    assertThat(alarms.get(0).get("AlarmName").asText()).isEqualTo("cli");
    assertThat(alarms.get(0).get("AlarmConfigurationUpdatedTimestamp").isNumber()).isTrue();
    assertThat(alarms.get(0).get("AlarmConfigurationUpdatedTimestamp").asDouble()).isEqualTo(START.getEpochSecond());
    HttpResponse<String> stats = json("GetMetricStatistics", "{\"Namespace\":\"App\",\"MetricName\":\"Hits\",\"Dimensions\":[{\"Name\":\"Service\",\"Value\":\"web\"}],"
        + "\"StartTime\":" + START.getEpochSecond() + ",\"EndTime\":" + (START.getEpochSecond() + 60) + ",\"Period\":60,\"Statistics\":[\"Sum\"]}");
    com.fasterxml.jackson.databind.JsonNode point = new com.fasterxml.jackson.databind.ObjectMapper().readTree(stats.body()).get("Datapoints").get(0);
    assertThat(point.get("Sum").asDouble()).isEqualTo(2.0);
    assertThat(point.get("Timestamp").asDouble()).isEqualTo(START.getEpochSecond());
  }

  @Test
  void jsonErrors_carryTheShapeAndTheQueryCode_forQueryCompatibleClients() throws Exception {
    HttpResponse<String> r = json("SetAlarmState", "{\"AlarmName\":\"nope\",\"StateValue\":\"OK\",\"StateReason\":\"x\"}");
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(r.body()).contains("\"__type\":\"com.amazonaws.cloudwatch#ResourceNotFound\"", "Could not find alarm nope");
    assertThat(r.headers().firstValue("x-amzn-query-error")).hasValue("ResourceNotFound;Sender");
    HttpResponse<String> invalid = json("PutMetricData", "{\"Namespace\":\"AWS/X\",\"MetricData\":[{\"MetricName\":\"M\",\"Value\":1}]}");
    assertThat(invalid.headers().firstValue("x-amzn-query-error")).hasValue("InvalidParameterValue;Sender");
    assertThat(invalid.body()).contains("InvalidParameterValueException");
  }

  @Test
  void query_answersXml_andErrorResponses() throws Exception {
    HttpResponse<String> ok = query("Action=DescribeAlarms&Version=2010-08-01&AlarmNames=");
    assertThat(ok.body()).contains("<DescribeAlarmsResponse xmlns=\"http://monitoring.amazonaws.com/doc/2010-08-01/\">",
        "<DescribeAlarmsResult>", "<RequestId>");
    HttpResponse<String> unknown = query("Action=PutDashboard&Version=2010-08-01");
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.body()).contains("<ErrorResponse", "<Type>Sender</Type>", "<Code>InvalidAction</Code>");
    HttpResponse<String> bad = query("Action=PutMetricData&Version=2010-08-01&Namespace=App&MetricData.member.1.MetricName=M&MetricData.member.1.Value=abc");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("<Code>ValidationError</Code>", "at &apos;MetricData.member.1.Value&apos;");
  }

  @Test
  void query_gzipBodies_asTheSdkCompressesLargePutMetricData() throws Exception {
    StringBuilder form = new StringBuilder("Action=PutMetricData&Version=2010-08-01&Namespace=App");
    for (int i = 1; i <= 400; i++) form.append("&MetricData.member.").append(i).append(".MetricName=Big&MetricData.member.").append(i).append(".Value=1");
    ByteArrayOutputStream zipped = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(zipped)) {
      gz.write(form.toString().getBytes(StandardCharsets.UTF_8));
    }
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(cloudWatch.endpoint() + "/"))
        .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8").header("Content-Encoding", "gzip")
        .POST(HttpRequest.BodyPublishers.ofByteArray(zipped.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(client.getMetricStatistics(b -> b.namespace("App").metricName("Big").startTime(START).endTime(START.plusSeconds(60))
        .period(60).statistics(Statistic.SAMPLE_COUNT)).datapoints().get(0).sampleCount()).isEqualTo(400.0);
  }

  @Test
  void json_gzipBodies_asBotocoreCompressesLargePutMetricData() throws Exception {
    ByteArrayOutputStream zipped = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(zipped)) {
      gz.write(("{\"Namespace\":\"App\",\"MetricData\":[{\"MetricName\":\"Zipped\",\"Value\":4,\"Timestamp\":" + START.getEpochSecond() + "}]}")
          .getBytes(StandardCharsets.UTF_8));
    }
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(cloudWatch.endpoint() + "/"))
        .header("X-Amz-Target", "GraniteServiceVersion20100801.PutMetricData").header("Content-Type", "application/x-amz-json-1.0")
        .header("Content-Encoding", "gzip").POST(HttpRequest.BodyPublishers.ofByteArray(zipped.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(client.listMetrics(b -> b.metricName("Zipped")).metrics()).hasSize(1);
  }

  @Test
  void sdk_largePutMetricData_isCompressedAndAccepted() {
    var data = new java.util.ArrayList<software.amazon.awssdk.services.cloudwatch.model.MetricDatum>();
    for (int i = 0; i < 1000; i++) {
      data.add(software.amazon.awssdk.services.cloudwatch.model.MetricDatum.builder().metricName("Bulk")
          .dimensions(dim("Shard", "shard-" + (i % 10))).value((double) i).timestamp(START).build());
    }
    client.putMetricData(r -> r.namespace("App").metricData(data));
    assertThat(client.listMetrics(r -> r.namespace("App").metricName("Bulk")).metrics()).hasSize(10);
  }
}

package dev.linkpulse.emulators.cloudwatch;

import dev.linkpulse.emulators.time.ManualTimeline;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;

/** A local CloudWatch on a manual timeline, and the real SDK client pointed at it. */
abstract class CloudWatchFixture {
  /** A Monday, on a whole hour: windows line up with the clock. */
  static final Instant START = Instant.parse("2025-01-06T00:00:00Z");

  ManualTimeline timeline;
  LocalCloudWatch cloudWatch;
  CloudWatchClient client;

  @BeforeEach
  void startCloudWatch() throws Exception {
    timeline = new ManualTimeline(START);
    cloudWatch = LocalCloudWatch.builder().timeline(timeline).start();
    client = CloudWatchClient.builder().endpointOverride(cloudWatch.endpoint()).region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
        .httpClient(UrlConnectionHttpClient.create()).build();
  }

  @AfterEach
  void stopCloudWatch() {
    client.close();
    cloudWatch.close();
  }

  void advance(Duration d) {
    timeline.advance(d);
  }

  Instant now() {
    return timeline.now();
  }
}

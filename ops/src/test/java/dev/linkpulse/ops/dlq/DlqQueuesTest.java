package dev.linkpulse.ops.dlq;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.linkpulse.core.Env;
import dev.linkpulse.local.LocalStack;
import dev.linkpulse.testkit.StackExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeNameForSends;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Message fidelity (attributes, FIFO group and deduplication ids survive a redrive and a restore), the other
 * selection options, configuration from the environment, and every kind of bad input: exit 2, one line, nothing
 * moved. Uses queues of its own next to the stack's.
 */
class DlqQueuesTest {
  @RegisterExtension
  static final StackExtension<LocalStack> stack = new StackExtension<>(LocalStack::ephemeral, LocalStack::apiUrl, LocalStack::token);

  @TempDir Path tmp;

  final Cli cli = new Cli(stack);

  static SqsClient sqs() {
    return stack.stack().sqs();
  }

  static String arn(String url) {
    return sqs().getQueueAttributes(r -> r.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN);
  }

  /** A DLQ and the queue that dead-letters into it. Returns {dlqUrl, sourceUrl}. */
  static String[] pair(String name, boolean fifo) {
    String suffix = fifo ? ".fifo" : "";
    Map<QueueAttributeName, String> dlqAttrs = new HashMap<>();
    if (fifo) dlqAttrs.put(QueueAttributeName.FIFO_QUEUE, "true");
    String dlq = sqs().createQueue(r -> r.queueName(name + "-dlq" + suffix).attributes(dlqAttrs)).queueUrl();
    Map<QueueAttributeName, String> srcAttrs = new HashMap<>(dlqAttrs);
    srcAttrs.put(QueueAttributeName.REDRIVE_POLICY, "{\"deadLetterTargetArn\":\"" + arn(dlq) + "\",\"maxReceiveCount\":\"3\"}");
    String src = sqs().createQueue(r -> r.queueName(name + "-src" + suffix).attributes(srcAttrs)).queueUrl();
    return new String[] {dlq, src};
  }

  static Map<String, MessageAttributeValue> attributes(int i) {
    return Map.of("kind", MessageAttributeValue.builder().dataType("String").stringValue("order-" + i).build(),
        "n", MessageAttributeValue.builder().dataType("Number").stringValue(Integer.toString(i)).build(),
        "blob", MessageAttributeValue.builder().dataType("Binary").binaryValue(SdkBytes.fromByteArray(new byte[] {1, 2, (byte) i})).build());
  }

  static List<Message> drain(String url, int expected) {
    List<Message> out = new ArrayList<>();
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (out.size() < expected && System.nanoTime() < deadline) {
      var got = sqs().receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1)
          .messageSystemAttributeNames(MessageSystemAttributeName.ALL).messageAttributeNames("All")).messages();
      for (Message m : got) {
        out.add(m);
        sqs().deleteMessage(r -> r.queueUrl(url).receiptHandle(m.receiptHandle()));
      }
    }
    return out;
  }

  static int depth(String url) {
    var a = sqs().getQueueAttributes(r -> r.queueUrl(url).attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
    return Integer.parseInt(a.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)) + Integer.parseInt(a.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
  }

  @Test
  void fifoGroupAndDeduplicationIdsAndMessageAttributesSurviveRedriveAndRestore() throws Exception {
    String[] q = pair("orders", true);
    // two groups; within a group SQS releases the next message only once the earlier one is gone
    for (int i = 1; i <= 5; i++) {
      int n = i;
      sqs().sendMessage(r -> r.queueUrl(q[0]).messageBody("{\"order\":" + n + "}").messageGroupId(n % 2 == 0 ? "even" : "odd")
          .messageDeduplicationId("dedup-" + n).messageAttributes(attributes(n)));
    }
    Path backup = tmp.resolve("orders.ndjson");
    Cli.Run run = cli.dlq("redrive", "orders-dlq.fifo", "--backup", backup.toString());
    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.out()).contains("orders-dlq.fifo -> orders-src.fifo (message by message", "moved=5 skipped=0 failed=0");
    assertThat(depth(q[0])).isZero();

    List<Message> moved = drain(q[1], 5);
    assertThat(moved).hasSize(5);
    for (Message m : moved) {
      int n = Integer.parseInt(m.body().replaceAll("\\D", ""));
      assertThat(m.attributesAsStrings()).containsEntry("MessageGroupId", n % 2 == 0 ? "even" : "odd").containsEntry("MessageDeduplicationId", "dedup-" + n);
      assertThat(m.messageAttributes().get("kind").stringValue()).isEqualTo("order-" + n);
      assertThat(m.messageAttributes().get("n").dataType()).isEqualTo("Number");
      assertThat(m.messageAttributes().get("blob").binaryValue().asByteArray()).containsExactly(1, 2, n);
    }
    // order within each group is kept
    assertThat(moved.stream().filter(m -> m.attributesAsStrings().get("MessageGroupId").equals("odd")).map(Message::body).toList())
        .containsExactly("{\"order\":1}", "{\"order\":3}", "{\"order\":5}");

    List<JsonNode> lines = Files.readAllLines(backup).stream().map(DlqClicksTest::json).toList();
    assertThat(lines).hasSize(5).allSatisfy(l -> {
      assertThat(l.at("/attributes/MessageGroupId").asText()).isIn("odd", "even");
      assertThat(l.at("/attributes/MessageDeduplicationId").asText()).startsWith("dedup-");
      assertThat(l.at("/messageAttributes/blob/dataType").asText()).isEqualTo("Binary");
    });

    // restore to a fresh FIFO queue: the same ids and attributes again
    String restored = sqs().createQueue(r -> r.queueName("orders-restored.fifo").attributes(Map.of(QueueAttributeName.FIFO_QUEUE, "true"))).queueUrl();
    Cli.Run restore = cli.dlq("restore", backup.toString(), "--to", "orders-restored.fifo", "--rate", "20/s");
    assertThat(restore.exit()).as(restore.toString()).isZero();
    assertThat(restore.out()).contains("restored=5 skipped=0 failed=0");
    List<Message> again = drain(restored, 5);
    assertThat(again).extracting(m -> m.attributesAsStrings().get("MessageDeduplicationId"))
        .containsExactlyInAnyOrder("dedup-1", "dedup-2", "dedup-3", "dedup-4", "dedup-5");
    assertThat(again).allSatisfy(m -> assertThat(m.messageAttributes()).containsKeys("kind", "n", "blob"));
  }

  @Test
  void limitGrepCopyAndAnExplicitDestinationMoveMessageByMessage() throws Exception {
    String[] q = pair("jobs", false);
    String other = sqs().createQueue(r -> r.queueName("jobs-elsewhere")).queueUrl();
    for (int i = 1; i <= 6; i++) {
      int n = i;
      sqs().sendMessage(r -> r.queueUrl(q[0]).messageBody("{\"job\":" + n + ",\"kind\":\"" + (n <= 4 ? "retry" : "drop") + "\"}")
          .messageAttributes(attributes(n)).messageSystemAttributes(Map.of(MessageSystemAttributeNameForSends.AWS_TRACE_HEADER,
              MessageSystemAttributeValue.builder().dataType("String").stringValue("Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1").build())));
    }
    // --limit: two of the four matching ones
    Cli.Run limited = cli.dlq("redrive", "jobs-dlq", "--grep", "\"kind\":\"retry\"", "--limit", "2", "--no-backup", "--rate", "10/s");
    assertThat(limited.exit()).as(limited.toString()).isZero();
    assertThat(limited.out()).contains("jobs-dlq -> jobs-src (message by message", "limit 2", "10/s", "moved=2 skipped=");
    assertThat(limited.err()).contains("backup=none");
    List<Message> first = drain(q[1], 2);
    assertThat(first).hasSize(2).allSatisfy(m -> {
      assertThat(m.body()).contains("retry");
      assertThat(m.messageAttributes()).containsKeys("kind", "n", "blob");
      assertThat(m.attributesAsStrings()).containsEntry("AWSTraceHeader", "Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1");
    });
    assertThat(depth(q[0])).isEqualTo(4);

    // --copy to another queue: the originals stay
    Cli.Run copied = cli.dlq("redrive", "jobs-dlq", "--to", "jobs-elsewhere", "--copy", "--no-backup");
    assertThat(copied.exit()).as(copied.toString()).isZero();
    assertThat(copied.out()).contains("jobs-dlq -> jobs-elsewhere (copy, message by message)", "copied=4 skipped=0 failed=0");
    assertThat(depth(q[0])).isEqualTo(4);
    assertThat(drain(other, 4)).hasSize(4);

    // by URL, with a JMESPath filter on a number
    Cli.Run byUrl = cli.dlq("redrive", q[0], "--filter", "job > `4`", "--no-backup");
    assertThat(byUrl.exit()).as(byUrl.toString()).isZero();
    assertThat(byUrl.out()).contains("moved=2 skipped=2 failed=0");
    assertThat(drain(q[1], 2)).extracting(Message::body).allSatisfy(b -> assertThat(b).contains("drop"));
    assertThat(depth(q[0])).isEqualTo(2);
  }

  @Test
  void theEnvironmentVariablesOfLinkpulseEnvAreEnough() {
    Map<String, String> env = Map.of("AWS_ENDPOINT_URL_SQS", stack.stack().sqsEndpoint(), "AWS_ENDPOINT_URL_DYNAMODB", stack.stack().dynamoEndpoint(),
        "AWS_REGION", "us-east-1");
    Cli.Run list = Env.scoped(env, () -> Cli.raw("dlq", "list", "--no-sample"));
    assertThat(list.exit()).as(list.toString()).isZero();
    assertThat(list.out()).contains("ClicksDLQ", "AggregatorFailures");
    assertThat(list.out().lines().filter(l -> l.startsWith("ClicksDLQ")).findFirst().orElseThrow()).endsWith("-");
    // --prefix scopes discovery
    Cli.Run scoped = Env.scoped(env, () -> Cli.raw("dlq", "list", "--no-sample", "--prefix", "Clicks"));
    assertThat(scoped.out()).contains("ClicksDLQ").doesNotContain("AggregatorFailures");
  }

  @Test
  void badInputGetsOneLineAndExitCode2AndNothingMoves() throws Exception {
    String dlq = stack.stack().queueUrl("ClicksDLQ");
    String[] q = pair("guarded", false);
    for (int i = 0; i < 3; i++) sqs().sendMessage(r -> r.queueUrl(q[0]).messageBody("{\"n\":1}"));
    Path existing = Files.writeString(tmp.resolve("exists.ndjson"), "{\"body\":\"x\"}\n");
    Path valid = Path.of(Objects.requireNonNull(getClass().getResource("/dlq/backup-sample.ndjson")).toURI());
    Path malformed = Path.of(Objects.requireNonNull(getClass().getResource("/dlq/backup-malformed.ndjson")).toURI());
    int before = depth(q[0]);
    int clicksBefore = depth(stack.stack().queueUrl("ClicksQueue"));
    int dlqBefore = depth(dlq);

    Map<List<String>, String> cases = new java.util.LinkedHashMap<>();
    cases.put(List.of("peek", "NoSuchQueue"), "no queue named NoSuchQueue");
    cases.put(List.of("peek", "guarded-dlq", "--limit", "0"), "--limit must be at least 1");
    cases.put(List.of("peek", "guarded-dlq", "--filter", "n =="), "--filter is not a valid JMESPath expression");
    cases.put(List.of("peek", "bad name!"), "is not a queue name");
    cases.put(List.of("redrive", "NoSuchQueue"), "no queue named NoSuchQueue");
    cases.put(List.of("redrive", stack.stack().sqsEndpoint() + "/000000000000/nope"), "QUEUE: no queue at http://");
    cases.put(List.of("redrive", "arn:aws:sqs:us-east-1:000000000000:NoSuchQueue"), "no queue arn:aws:sqs");
    cases.put(List.of("redrive", "guarded-dlq", "--to", "NoSuchQueue"), "--to: no queue named NoSuchQueue");
    cases.put(List.of("redrive", "guarded-dlq", "--to", "guarded-dlq"), "--to is QUEUE itself");
    cases.put(List.of("redrive", "guarded-dlq", "--filter", "n =="), "--filter is not a valid JMESPath expression");
    cases.put(List.of("redrive", "guarded-dlq", "--filter", "nosuchfn(n)"), "--filter");
    cases.put(List.of("redrive", "guarded-dlq", "--grep", "(unclosed"), "--grep is not a valid regular expression");
    cases.put(List.of("redrive", "guarded-dlq", "--rate", "0"), "--rate must be greater than 0");
    cases.put(List.of("redrive", "guarded-dlq", "--rate", "-5/s"), "--rate");
    cases.put(List.of("redrive", "guarded-dlq", "--rate", "fast"), "--rate must be a positive number");
    cases.put(List.of("redrive", "guarded-dlq", "--limit", "0"), "--limit must be at least 1");
    cases.put(List.of("redrive", "guarded-dlq", "--backup", existing.toString()), "already exists");
    cases.put(List.of("redrive", "guarded-dlq", "--backup", tmp.resolve("no/dir/b.ndjson").toString()), "does not exist");
    cases.put(List.of("redrive", "guarded-dlq", "--backup", tmp.resolve("b.ndjson").toString(), "--no-backup"), "mutually exclusive");
    cases.put(List.of("redrive", "guarded-src"), "no queue's dead-letter queue");
    cases.put(List.of("redrive", "guarded-dlq", "--table", "LinkpulseTable"), "--table applies only");
    cases.put(List.of("redrive", "AggregatorFailures", "--table", "NoSuchTable"), "no table NoSuchTable");
    cases.put(List.of("redrive", "AggregatorFailures", "--copy"), "--copy does not apply");
    cases.put(List.of("redrive", "guarded-dlq", "--region", "Not A Region"), "--region");
    cases.put(List.of("restore", tmp.resolve("missing.ndjson").toString(), "--to", "guarded-src"), "no such file");
    cases.put(List.of("restore", malformed.toString(), "--to", "guarded-src"), "line 2 is not JSON");
    cases.put(List.of("restore", valid.toString(), "--to", "NoSuchQueue"), "no queue named NoSuchQueue");
    cases.put(List.of("restore", valid.toString()), "Missing required option");
    cases.put(List.of("restore", valid.toString(), "--to", "guarded-src", "--rate", "0/s"), "--rate");
    cases.put(List.of("list", "--bogus"), "Unknown option");
    for (var c : cases.entrySet()) {
      Cli.Run run = cli.dlq(c.getKey().toArray(String[]::new));
      assertThat(run.exit()).as(c.getKey() + "\n" + run).isEqualTo(2);
      assertThat(run.out()).as(c.getKey() + "\n" + run).isEmpty();
      assertThat(run.err().lines().toList()).as(c.getKey() + "\n" + run).singleElement().asString().startsWith("linkpulse: ").contains(c.getValue());
    }
    // an endpoint that is no URL, through the environment
    Cli.Run badEnv = Env.scoped(Map.of("AWS_ENDPOINT_URL_SQS", "not a url"), () -> Cli.raw("dlq", "list"));
    assertThat(badEnv.exit()).isEqualTo(2);
    assertThat(badEnv.err()).contains("AWS_ENDPOINT_URL_SQS must be an http(s) URL");

    assertThat(depth(q[0])).isEqualTo(before);
    assertThat(depth(q[1])).isZero();
    assertThat(depth(stack.stack().queueUrl("ClicksQueue"))).isEqualTo(clicksBefore);
    assertThat(depth(dlq)).isEqualTo(dlqBefore);
    try (var files = Files.list(tmp)) {
      assertThat(files.map(p -> p.getFileName().toString()).sorted(Comparator.naturalOrder()).toList()).containsExactly("exists.ndjson");
    }
    try (var files = Files.list(Path.of("."))) {
      assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("dlq-backup-")).toList()).isEmpty();
    }
  }
}

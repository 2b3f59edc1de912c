package dev.linkpulse.ops.dlq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.linkpulse.ops.UsageError;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/** The dlq tool's parts that need no AWS: rates, selectors, the backup format, pointers, the audit line. */
class DlqPartsTest {
  @TempDir Path tmp;

  static Path resource(String name) throws Exception {
    return Path.of(Objects.requireNonNull(DlqPartsTest.class.getResource("/dlq/" + name)).toURI());
  }

  @Test
  void ratesParseAsMessagesPerSecondAndRefuseNonsense() {
    assertThat(Rate.parse(null)).isNull();
    assertThat(Rate.parse("50/s").perSecond()).isEqualTo(50);
    assertThat(Rate.parse("50").perSecond()).isEqualTo(50);
    assertThat(Rate.parse(" 2.5 / s ").perSecond()).isEqualTo(2.5);
    assertThat(Rate.parse("7/sec").wholePerSecond()).isEqualTo(7);
    assertThat(Rate.parse("0.5/s").wholePerSecond()).isEqualTo(-1);
    assertThat(Rate.parse("0.5/s").chunk(10)).isEqualTo(1);
    assertThat(Rate.parse("500/s").chunk(10)).isEqualTo(10);
    for (String bad : List.of("0", "0/s", "-1", "-1/s", "fast", "", "5/m", "1e3", "NaN", "1000000")) {
      assertThatThrownBy(() -> Rate.parse(bad)).as(bad).isInstanceOf(UsageError.class).hasMessageContaining("--rate");
    }
  }

  /** A clock that moves only when the rate sleeps or the test says time passed: the schedule, not the wall clock, is checked. */
  static final class StepTicker implements Rate.Ticker {
    long now = 1_000_000_000L;
    final List<Long> sleeps = new java.util.ArrayList<>();

    @Override
    public long nanoTime() {
      return now;
    }

    @Override
    public void sleep(long nanos) {
      sleeps.add(nanos);
      now += nanos;
    }
  }

  @Test
  void aRateSpacesSendsEvenly() throws Exception {
    StepTicker clock = new StepTicker();
    Rate rate = Rate.parse("20/s").on(clock);
    for (int i = 0; i < 6; i++) rate.acquire(1);
    // the first goes at once, the next five 50 ms apart
    assertThat(clock.sleeps).containsExactly(50_000_000L, 50_000_000L, 50_000_000L, 50_000_000L, 50_000_000L);
    assertThat(clock.now - 1_000_000_000L).isEqualTo(250_000_000L);

    // a chunk of 4 takes four permits' worth of the rate before the next send
    rate.acquire(4);
    rate.acquire(1);
    assertThat(clock.sleeps.subList(5, 7)).containsExactly(50_000_000L, 200_000_000L);
  }

  @Test
  void aRateThatFellBehindDoesNotBurstToCatchUp() throws Exception {
    StepTicker clock = new StepTicker();
    Rate rate = Rate.parse("10/s").on(clock);
    rate.acquire(1);
    clock.now += 2_000_000_000L; // the send took 2 s: twenty slots went by unused
    rate.acquire(1);
    rate.acquire(1);
    assertThat(clock.sleeps).as("late: goes at once, and the next waits a full interval").containsExactly(100_000_000L);
  }

  @Test
  void filtersAreJmesPathOnTheJsonBodyAndGrepIsARegexOnTheRawBody() {
    String body = "{\"detail\":{\"code\":\"abc\",\"eventId\":\"not-a-uuid\",\"n\":3},\"tags\":[]}";
    assertThat(Selector.of(null, null).selectsAll()).isTrue();
    assertThat(Selector.of("detail.code == 'abc'", null).matches(body)).isTrue();
    assertThat(Selector.of("detail.code == 'xyz'", null).matches(body)).isFalse();
    assertThat(Selector.of("detail.n > `2`", null).matches(body)).isTrue();
    assertThat(Selector.of("tags", null).matches(body)).as("an empty array is falsy").isFalse();
    assertThat(Selector.of("detail.missing", null).matches(body)).as("null is falsy").isFalse();
    assertThat(Selector.of("contains(detail.eventId, 'uuid')", null).matches(body)).isTrue();
    assertThat(Selector.of("contains(detail.n, 'x')", null).matches(body)).as("a type error does not match").isFalse();
    assertThat(Selector.of("detail", null).matches("not json at all")).isFalse();
    assertThat(Selector.of(null, "not-a-u+uid").matches(body)).isTrue();
    assertThat(Selector.of(null, "^\\{\"detail").matches(body)).isTrue();
    assertThat(Selector.of("detail.code == 'abc'", "nomatch").matches(body)).as("both must match").isFalse();
    assertThat(Selector.of("detail.code == 'abc'", "abc").describe()).isEqualTo("filter='detail.code == \\'abc\\'' grep='abc'");
  }

  @Test
  void malformedFiltersAndPatternsAreBadInput() {
    for (String bad : List.of("detail.code ==", "[?", "detail.'", "nosuchfunction(detail)", " ")) {
      assertThatThrownBy(() -> Selector.of(bad, null)).as(bad).isInstanceOf(UsageError.class).hasMessageContaining("--filter");
    }
    for (String bad : List.of("(", "[a-", "*x", "")) {
      assertThatThrownBy(() -> Selector.of(null, bad)).as(bad).isInstanceOf(UsageError.class).hasMessageContaining("--grep");
    }
  }

  @Test
  void aBackupKeepsEverythingNeededToSendTheMessageAgain() throws Exception {
    Message m = Message.builder().messageId("id-1").receiptHandle("rh").body("{\"a\":1}").md5OfBody("md5")
        .attributes(Map.of(MessageSystemAttributeName.MESSAGE_GROUP_ID, "g", MessageSystemAttributeName.MESSAGE_DEDUPLICATION_ID, "d",
            MessageSystemAttributeName.AWS_TRACE_HEADER, "Root=1-abc", MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "6",
            MessageSystemAttributeName.SENT_TIMESTAMP, "1795000000000"))
        .messageAttributes(Map.of("kind", MessageAttributeValue.builder().dataType("String").stringValue("click").build(),
            "n", MessageAttributeValue.builder().dataType("Number.int").stringValue("42").build(),
            "blob", MessageAttributeValue.builder().dataType("Binary").binaryValue(SdkBytes.fromByteArray(new byte[] {0, 1, (byte) 255})).build()))
        .build();
    Path file = tmp.resolve("b.ndjson");
    try (BackupFile backup = BackupFile.create(file)) {
      backup.append(List.of(Item.of(m)), "arn:aws:sqs:us-east-1:000000000000:q");
      backup.append(List.of(Item.of(m.toBuilder().messageId("id-2").body("second").build())), "q");
      assertThat(backup.lines()).isEqualTo(2);
    }
    List<String> lines = Files.readAllLines(file);
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0)).doesNotContain("rh").contains("\"queue\":\"arn:aws:sqs:us-east-1:000000000000:q\"", "\"backedUpAt\":");
    List<Item> read = BackupFile.read(file);
    Item back = read.get(0);
    assertThat(back.messageId()).isEqualTo("id-1");
    assertThat(back.body()).isEqualTo("{\"a\":1}");
    assertThat(back.groupId()).isEqualTo("g");
    assertThat(back.deduplicationId()).isEqualTo("d");
    assertThat(back.traceHeader()).isEqualTo("Root=1-abc");
    assertThat(back.receiveCount()).isEqualTo("6");
    assertThat(back.sent()).isEqualTo(java.time.Instant.ofEpochMilli(1795000000000L));
    assertThat(back.messageAttributes().get("kind").stringValue()).isEqualTo("click");
    assertThat(back.messageAttributes().get("n").dataType()).isEqualTo("Number.int");
    assertThat(back.messageAttributes().get("blob").binaryValue().asByteArray()).containsExactly(0, 1, 255);
    assertThat(read.get(1).body()).isEqualTo("second");

    // never overwritten
    assertThatThrownBy(() -> BackupFile.checkWritable(file)).isInstanceOf(UsageError.class).hasMessageContaining("already exists");
    assertThatThrownBy(() -> BackupFile.create(file)).isInstanceOf(java.nio.file.FileAlreadyExistsException.class);
    assertThatThrownBy(() -> BackupFile.checkWritable(tmp.resolve("no/such/dir.ndjson"))).isInstanceOf(UsageError.class)
        .hasMessageContaining("does not exist");
  }

  @Test
  void backupsFromFilesAndTheirFaults() throws Exception {
    List<Item> sample = BackupFile.read(resource("backup-sample.ndjson"));
    assertThat(sample).hasSize(2);
    assertThat(sample.get(0).groupId()).isEqualTo("g-1");
    assertThat(sample.get(0).messageAttributes().get("blob").binaryValue().asByteArray()).containsExactly(1, 2, 3);
    assertThat(sample.get(1).messageId()).as("a line without an id is named by its line").isEqualTo("line-3");

    assertThatThrownBy(() -> BackupFile.read(resource("backup-malformed.ndjson"))).isInstanceOf(UsageError.class)
        .hasMessageContaining("line 2 is not JSON");
    assertThatThrownBy(() -> BackupFile.read(tmp.resolve("missing.ndjson"))).isInstanceOf(UsageError.class).hasMessageContaining("no such file");
    Path empty = Files.writeString(tmp.resolve("empty.ndjson"), "\n\n");
    assertThatThrownBy(() -> BackupFile.read(empty)).isInstanceOf(UsageError.class).hasMessageContaining("holds no messages");
    Path noBody = Files.writeString(tmp.resolve("nobody.ndjson"), "{\"messageId\":\"x\"}\n");
    assertThatThrownBy(() -> BackupFile.read(noBody)).isInstanceOf(UsageError.class).hasMessageContaining("line 1: no \"body\" string");
    Path badAttr = Files.writeString(tmp.resolve("badattr.ndjson"), "{\"body\":\"x\",\"messageAttributes\":{\"a\":{\"stringValue\":\"v\"}}}\n");
    assertThatThrownBy(() -> BackupFile.read(badAttr)).isInstanceOf(UsageError.class).hasMessageContaining("has no dataType");
    Path binary = Files.write(tmp.resolve("binary.ndjson"), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1});
    assertThatThrownBy(() -> BackupFile.read(binary)).isInstanceOf(UsageError.class).hasMessageContaining("cannot read backup");
    assertThatThrownBy(() -> BackupFile.read(tmp)).isInstanceOf(UsageError.class).hasMessageContaining("cannot read backup");
  }

  @Test
  void anOnFailureRecordIsAPointerToAStreamRange() throws Exception {
    String body = Files.readString(resource("onfailure-record.json"), StandardCharsets.UTF_8);
    StreamPointer p = StreamPointer.parse(body);
    assertThat(p.shardId()).isEqualTo("shardId-00000001700000000000-a1b2c3d4");
    assertThat(p.start()).isEqualTo(new java.math.BigInteger("101"));
    assertThat(p.end()).isEqualTo(new java.math.BigInteger("105"));
    assertThat(p.batchSize()).isEqualTo(3);
    assertThat(p.tableName()).isEqualTo("LinkpulseTable");

    assertThatThrownBy(() -> StreamPointer.parse("{\"version\":\"0\",\"detail\":{}}")).isInstanceOf(ReplayException.class)
        .hasMessageContaining("no DDBStreamBatchInfo");
    assertThatThrownBy(() -> StreamPointer.parse("not json")).hasMessageContaining("not JSON");
    assertThatThrownBy(() -> StreamPointer.parse(body.replace("\"000000000000000000101\"", "\"999\"")))
        .hasMessageContaining("invalid sequence range");
    assertThatThrownBy(() -> StreamPointer.parse(body.replace("\"shardId\":", "\"shard\":"))).hasMessageContaining("lacks shardId");
  }

  @Test
  void sendsAreChunkedByCountAndSize() {
    List<Item> small = java.util.stream.IntStream.range(0, 23).mapToObj(i -> new Item("m" + i, "x", null, Map.of(), Map.of())).toList();
    assertThat(Sender.chunks(small, 10)).extracting(List::size).containsExactly(10, 10, 3);
    assertThat(Sender.chunks(small, 4)).hasSize(6);
    String big = "y".repeat(120 * 1024);
    List<Item> large = List.of(new Item("a", big, null, Map.of(), Map.of()), new Item("b", big, null, Map.of(), Map.of()),
        new Item("c", "z", null, Map.of(), Map.of()));
    assertThat(Sender.chunks(large, 10)).extracting(List::size).containsExactly(1, 2);
  }

  @Test
  void theAuditLineIsOneParseableLine() {
    Summary s = new Summary();
    s.moved = 3;
    s.skipped = 4;
    s.fail("m-9", "refused");
    s.details.put("filter", "detail.code == 'a'");
    StringWriter err = new StringWriter();
    s.audit(new PrintWriter(err), "redrive", "ClicksDLQ", "ClicksQueue", Path.of("/tmp/backup file.ndjson"));
    String line = err.toString();
    assertThat(line).endsWith(System.lineSeparator()).containsOnlyOnce("\n");
    assertThat(line).matches("audit: \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ user=\\S+ action=redrive from=ClicksDLQ to=ClicksQueue "
        + "moved=3 skipped=4 failed=1 backup='/tmp/backup file.ndjson' filter='detail.code == \\\\'a\\\\'' *\\R");
    assertThat(Show.age(java.time.Duration.ofSeconds(3 * 86_400 + 4 * 3600 + 5))).isEqualTo("3d 4h");
    assertThat(Show.age(java.time.Duration.ofSeconds(250))).isEqualTo("4m 10s");
  }
}

package dev.linkpulse.ops.dlq;

import dev.linkpulse.core.Env;
import dev.linkpulse.ops.UsageError;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * What a redrive will do, settled before anything is received: from which queue, to where, in which mode, with which
 * backup. Whatever in the request contradicts the queues is a {@link UsageError} here, while nothing has moved.
 *
 * <p>The modes: SQS's own message move task ({@link NativeRedrive}) when every message goes back to its source as it
 * is; message by message ({@link MessageRedrive}) when a filter, a limit, a copy or another destination asks for it;
 * and for the stream on-failure destination, a replay of the batch pointers into the counters ({@link PointerReplay}).
 *
 * @param destination null when each message goes back to its own source queue (the move task knows them)
 * @param nativeEligible whether SQS's move task could do the work (a dry run reports it, and then moves nothing)
 * @param table for a replay, the table whose counters to repair (null: the one each pointer's stream names)
 */
record RedrivePlan(RedriveRequest request, Mode mode, Queues.Queue source, Queues.Queue destination, boolean nativeEligible,
    Path backupPath, String table) {
  /** SQS's move task takes 1..500 messages per second. */
  static final int NATIVE_MAX_RATE = 500;

  enum Mode { NATIVE, MESSAGES, REPLAY }

  static RedrivePlan of(RedriveRequest request, Queues queues) {
    Queues.Queue source = queues.resolve(request.queue(), "QUEUE");
    Queues.Queue destination = null;
    Mode mode;
    List<Queues.Queue> sources = List.of();
    if (request.to() != null) {
      destination = queues.resolve(request.to(), "--to");
      if (destination.arn() != null && destination.arn().equals(source.arn())) throw new UsageError("--to is QUEUE itself");
      mode = Mode.MESSAGES;
    } else {
      sources = queues.sourcesOf(source);
      if (sources.size() == 1) {
        destination = sources.get(0);
        mode = Mode.MESSAGES;
      } else if (sources.size() > 1) {
        mode = Mode.MESSAGES;
      } else if (queues.isOnFailureDestination(source)) {
        mode = Mode.REPLAY;
      } else {
        throw new UsageError(source.name() + " is no queue's dead-letter queue and no stream on-failure destination; pass --to QUEUE");
      }
    }
    boolean nativeEligible = nativeEligible(request, source);
    if (mode == Mode.MESSAGES && nativeEligible && !request.dryRun()) mode = Mode.NATIVE;
    if (mode == Mode.MESSAGES && destination == null) {
      throw new UsageError(source.name() + " is the dead-letter queue of " + sources.size() + " queues ("
          + String.join(", ", sources.stream().map(Queues.Queue::name).toList()) + "): pass --to, or redrive without "
          + "--filter/--grep/--limit/--copy/--dry-run to send each message back to its own source");
    }
    if (mode == Mode.REPLAY && request.copy()) {
      throw new UsageError("--copy does not apply to " + source.name() + ": its pointers are replayed into the counters, not copied");
    }
    if (mode != Mode.REPLAY && request.table() != null) {
      throw new UsageError("--table applies only to a stream on-failure destination, not to " + source.name());
    }
    Path backupPath = backupPath(request, source);
    String table = mode != Mode.REPLAY ? null : request.table() != null ? request.table() : Env.find("LINKPULSE_TABLE").orElse(null);
    return new RedrivePlan(request, mode, source, destination, nativeEligible, backupPath, table);
  }

  /** The move task moves everything, as it is, at a whole rate it accepts, and only from a standard queue. */
  private static boolean nativeEligible(RedriveRequest request, Queues.Queue source) {
    Selection.Resolved selected = request.selected();
    Rate pace = selected.pace();
    return selected.selector().selectsAll() && selected.limit() == null && !request.copy() && !source.fifo()
        && (pace == null || (pace.wholePerSecond() >= 1 && pace.wholePerSecond() <= NATIVE_MAX_RATE));
  }

  private static Path backupPath(RedriveRequest request, Queues.Queue source) {
    if (!request.wantsBackup()) return null;
    Path path = request.backupFile() != null ? request.backupFile().toAbsolutePath() : BackupFile.defaultPath(source.name(), Instant.now());
    BackupFile.checkWritable(path);
    return path;
  }

  /** A new summary carrying the audit details: the mode, the selection, and what else was asked. */
  Summary summary() {
    Summary summary = new Summary();
    Mode reported = request.dryRun() && mode == Mode.MESSAGES && nativeEligible ? Mode.NATIVE : mode;
    summary.details.put("mode", reported.name().toLowerCase(Locale.ROOT));
    request.selected().describeInto(summary.details);
    if (request.copy()) summary.details.put("copy", "true");
    if (request.dryRun()) summary.details.put("dry-run", "true");
    if (mode == Mode.REPLAY && table != null) summary.details.put("table", table);
    return summary;
  }

  /** Where the audit line says the messages went. */
  String toLabel() {
    return switch (mode) {
      case NATIVE -> destination == null ? "(each message's source queue)" : destination.name();
      case MESSAGES -> destination.name();
      case REPLAY -> "counters" + (table == null ? "" : ":" + table);
    };
  }

  /** What the summary calls a message handled. */
  String word() {
    return switch (mode) {
      case NATIVE -> "moved";
      case MESSAGES -> request.copy() ? "copied" : "moved";
      case REPLAY -> "replayed";
    };
  }
}

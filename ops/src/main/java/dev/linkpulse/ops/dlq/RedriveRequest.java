package dev.linkpulse.ops.dlq;

import java.nio.file.Path;

/**
 * What a redrive was asked to do, as the options say it, checked for what needs no AWS: which dead-letter queue,
 * where to, how ({@code copy}, {@code dryRun}), which messages, and the backup ({@code backupFile} as given, or none).
 */
record RedriveRequest(String queue, String to, String table, boolean copy, boolean dryRun, Path backupFile, boolean noBackup,
    Selection.Resolved selected) {
  RedriveRequest {
    if (backupFile != null) BackupFile.checkWritable(backupFile);
  }

  /** A dry run moves nothing, so it backs up nothing. */
  boolean wantsBackup() {
    return !dryRun && !noBackup;
  }
}

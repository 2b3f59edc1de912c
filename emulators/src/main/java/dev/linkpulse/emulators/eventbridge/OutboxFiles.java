package dev.linkpulse.emulators.eventbridge;

import dev.linkpulse.emulators.eventbridge.OutboxJournal.Entry;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * The file steps that make a journal rewrite crash-safe: the new content is written and forced beside the file,
 * then renamed over it atomically, then the directory is forced so the rename itself survives a power cut. A crash
 * before the rename leaves the old file whole (the file beside it is overwritten by the next rewrite); after it, the
 * new file is whole.
 */
final class OutboxFiles {
  private OutboxFiles() {}

  /** Where a rewrite of {@code file} is written first. */
  static Path aside(Path file) {
    return file.resolveSibling(file.getFileName() + ".tmp");
  }

  /**
   * Writes {@code entries} to the file beside {@code file} and forces it; returns it open for appending, positioned
   * at its end (after the rename it is the journal itself, so appends need no reopening).
   */
  static FileChannel writeAside(Path file, List<Entry> entries) throws IOException {
    FileChannel out = FileChannel.open(aside(file), StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
    try {
      StringBuilder chunk = new StringBuilder();
      for (Entry e : entries) {
        chunk.append(OutboxRecords.accepted(e));
        if (chunk.length() >= 1 << 20) {
          write(out, chunk);
          chunk.setLength(0);
        }
      }
      write(out, chunk);
      out.force(true);
      return out;
    } catch (IOException | RuntimeException e) {
      out.close();
      throw e;
    }
  }

  /** Renames the file written aside over {@code file}, atomically, and makes the rename durable. */
  static void replace(Path file) throws IOException {
    Files.move(aside(file), file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    try (FileChannel dir = FileChannel.open(file.toAbsolutePath().getParent(), StandardOpenOption.READ)) {
      dir.force(true);
    } catch (IOException notSupported) {
      // not every file system lets a directory be forced; the rename is then as durable as that system makes it
    }
  }

  /** Writes all of {@code text}; returns its size in bytes. */
  static int write(FileChannel channel, CharSequence text) throws IOException {
    ByteBuffer buffer = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
    int bytes = buffer.remaining();
    while (buffer.hasRemaining()) channel.write(buffer);
    return bytes;
  }
}

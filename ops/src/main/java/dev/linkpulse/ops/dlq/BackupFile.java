package dev.linkpulse.ops.dlq;

import com.fasterxml.jackson.databind.JsonNode;
import dev.linkpulse.core.Json;
import dev.linkpulse.ops.UsageError;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * A backup: NDJSON, one {@link Item} a line, in the order the messages were received. Written with
 * {@code CREATE_NEW} (an existing file is never overwritten) and forced to disk (file and directory) before the
 * caller moves any of the messages it holds.
 */
public final class BackupFile implements AutoCloseable {
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private final Path path;
  private final FileChannel channel;
  private int lines;

  private BackupFile(Path path, FileChannel channel) {
    this.path = path;
    this.channel = channel;
  }

  /** The default name: {@code dlq-backup-<queue>-<UTC time>.ndjson} in the working directory. */
  static Path defaultPath(String queueName, Instant now) {
    return Path.of("dlq-backup-" + queueName.replaceAll("[^A-Za-z0-9._-]", "_") + "-" + STAMP.format(now) + ".ndjson").toAbsolutePath();
  }

  /** Checks, before anything is received, that a backup can be created at {@code path}. */
  static void checkWritable(Path path) {
    Path abs = path.toAbsolutePath();
    if (Files.exists(abs)) throw new UsageError("backup file " + path + " already exists; choose another (backups are never overwritten)");
    Path dir = abs.getParent();
    if (dir == null || !Files.isDirectory(dir)) throw new UsageError("cannot write backup " + path + ": directory " + dir + " does not exist");
    if (!Files.isWritable(dir)) throw new UsageError("cannot write backup " + path + ": directory " + dir + " is not writable");
  }

  static BackupFile create(Path path) throws IOException {
    Path abs = path.toAbsolutePath();
    return new BackupFile(abs, FileChannel.open(abs, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE));
  }

  /** Creates the backup at {@code path} holding {@code items}, synced to disk, and closes it. */
  static void writeAll(Path path, List<Item> items, String queue) throws IOException {
    try (BackupFile file = create(path)) {
      file.append(items, queue);
    }
  }

  public Path path() {
    return path;
  }

  public int lines() {
    return lines;
  }

  /** Appends the items and forces them to disk: when this returns, they survive a crash. */
  void append(List<Item> items, String queue) throws IOException {
    if (items.isEmpty()) return;
    Instant now = Instant.now();
    StringBuilder b = new StringBuilder();
    for (Item item : items) b.append(Json.write(item.toJson(queue, now))).append('\n');
    ByteBuffer buffer = ByteBuffer.wrap(b.toString().getBytes(StandardCharsets.UTF_8));
    while (buffer.hasRemaining()) channel.write(buffer);
    channel.force(true);
    if (lines == 0) forceDirectory(path.getParent());
    lines += items.size();
  }

  private static void forceDirectory(Path dir) {
    try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
      d.force(true);
    } catch (IOException | UnsupportedOperationException ignored) {
      // not every platform can sync a directory; the file itself is synced
    }
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }

  /** Reads a whole backup; any unreadable part is bad input (nothing is sent from a half-read file). */
  static List<Item> read(Path path) {
    byte[] content;
    try {
      content = Files.readAllBytes(path);
    } catch (NoSuchFileException e) {
      throw new UsageError("cannot read backup " + path + ": no such file");
    } catch (IOException e) {
      throw new UsageError("cannot read backup " + path + ": " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()));
    }
    return parse(path.toString(), content);
  }

  /**
   * The items of a backup's bytes, or a {@link UsageError} naming the first unreadable line and nothing else: the
   * parser {@link #read} and the fuzz tests share, with no file in between.
   */
  static List<Item> parse(String name, byte[] content) {
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(content)).toString();
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new UsageError("cannot read backup " + name + ": not UTF-8 text");
    }
    List<String> lines = text.lines().toList();
    List<Item> items = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty()) continue;
      JsonNode node;
      try {
        node = Json.tree(line);
      } catch (Exception e) {
        throw new UsageError("backup " + name + " line " + (i + 1) + " is not JSON");
      }
      try {
        Item item = Item.fromJson(node);
        if (item.messageId() == null) {
          item = new Item("line-" + (i + 1), item.body(), item.md5OfBody(), item.attributes(), item.messageAttributes());
        }
        items.add(item);
      } catch (IllegalArgumentException e) {
        throw new UsageError("backup " + name + " line " + (i + 1) + ": " + e.getMessage());
      }
    }
    if (items.isEmpty()) throw new UsageError("backup " + name + " holds no messages");
    return items;
  }
}

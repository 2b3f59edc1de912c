package dev.linkpulse.emulators.dynamodb;

import java.nio.file.Path;

/** The engine alone in a JVM on a free port over a data directory, so a test can kill -9 it mid-write. */
public final class EngineProcess {
  private EngineProcess() {}

  public static void main(String[] args) throws Exception {
    DynamoDbEmulator engine = DynamoDbEmulator.builder().port(0).dataDirectory(Path.of(args[0])).start();
    System.out.println("READY " + engine.port());
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}

package dev.linkpulse.emulators.stepfunctions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * Machines, executions, their history and their task tokens in one H2 MVStore: a file under the data directory,
 * or memory when there is none. Values are JSON text, so the file's contents stay readable and versionless.
 */
final class EngineStore implements AutoCloseable {
  private final MVStore store;
  private final MVMap<String, String> machines;
  private final MVMap<String, String> executions;
  private final MVMap<String, String> history;
  private final MVMap<String, String> tokens;

  EngineStore(Path dataDirectory) {
    MVStore.Builder builder = new MVStore.Builder();
    if (dataDirectory != null) {
      try {
        Files.createDirectories(dataDirectory);
      } catch (java.io.IOException e) {
        throw new IllegalArgumentException("cannot create data directory " + dataDirectory + ": " + e.getMessage(), e);
      }
      builder.fileName(dataDirectory.resolve("stepfunctions.mv.db").toString());
    }
    this.store = builder.open();
    this.machines = store.openMap("machines");
    this.executions = store.openMap("executions");
    this.history = store.openMap("history");
    this.tokens = store.openMap("tokens");
  }

  synchronized void putMachine(MachineRecord m) {
    machines.put(m.stateMachineArn(), write(m));
    store.commit();
  }

  synchronized List<MachineRecord> machines() {
    List<MachineRecord> out = new ArrayList<>();
    machines.values().forEach(v -> out.add(read(v, MachineRecord.class)));
    return out;
  }

  synchronized void deleteMachine(String arn) {
    machines.remove(arn);
    store.commit();
  }

  /** Saves an execution with the history events it added since the last save, in one commit. */
  synchronized void saveExecution(ExecutionRecord e, List<ObjectNode> newEvents) {
    executions.put(e.executionArn, write(e));
    for (ObjectNode event : newEvents) history.put(historyKey(e.executionArn, event.get("id").asLong()), Json.write(event));
    store.commit();
  }

  synchronized List<ExecutionRecord> executions() {
    List<ExecutionRecord> out = new ArrayList<>();
    executions.values().forEach(v -> out.add(read(v, ExecutionRecord.class)));
    return out;
  }

  synchronized List<ObjectNode> history(String executionArn) {
    List<ObjectNode> out = new ArrayList<>();
    String prefix = executionArn + "#";
    for (Iterator<String> it = history.keyIterator(prefix); it.hasNext(); ) {
      String key = it.next();
      if (!key.startsWith(prefix)) break;
      out.add((ObjectNode) Json.parse(history.get(key)));
    }
    return out;
  }

  synchronized void putToken(String token, String value) {
    tokens.put(token, value);
  }

  synchronized String token(String token) {
    return tokens.get(token);
  }

  synchronized Map<String, String> tokens() {
    return Map.copyOf(tokens);
  }

  private static String historyKey(String arn, long id) {
    return arn + "#" + String.format("%010d", id);
  }

  private static String write(Object value) {
    try {
      return Json.MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static <T> T read(String json, Class<T> type) {
    try {
      return Json.MAPPER.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable record in the Step Functions store: " + e.getOriginalMessage(), e);
    }
  }

  @Override
  public synchronized void close() {
    store.close();
  }
}

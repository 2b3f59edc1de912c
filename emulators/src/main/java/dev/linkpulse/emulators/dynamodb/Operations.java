package dev.linkpulse.emulators.dynamodb;

import dev.linkpulse.emulators.protocol.AwsJsonServer.Operation;
import java.util.Map;

/** The operation tables: X-Amz-Target operation names to the engine's handlers. */
final class Operations {
  private Operations() {}

  static Map<String, Operation> dynamoDb(Engine engine) {
    TableOperations tables = new TableOperations(engine);
    ItemOperations items = new ItemOperations(engine);
    ReadOperations reads = new ReadOperations(engine);
    BatchOperations batches = new BatchOperations(engine);
    TransactOperations transactions = new TransactOperations(engine);
    return Map.ofEntries(
        Map.entry("CreateTable", tables::create),
        Map.entry("DescribeTable", tables::describe),
        Map.entry("DeleteTable", tables::delete),
        Map.entry("ListTables", tables::list),
        Map.entry("UpdateTimeToLive", tables::updateTimeToLive),
        Map.entry("DescribeTimeToLive", tables::describeTimeToLive),
        Map.entry("PutItem", items::put),
        Map.entry("GetItem", items::get),
        Map.entry("UpdateItem", items::update),
        Map.entry("DeleteItem", items::delete),
        Map.entry("Query", reads::query),
        Map.entry("Scan", reads::scan),
        Map.entry("BatchGetItem", batches::get),
        Map.entry("BatchWriteItem", batches::write),
        Map.entry("TransactWriteItems", transactions::write),
        Map.entry("TransactGetItems", transactions::get),
        Map.entry("DescribeEndpoints", request -> DescribeEndpoints.answer()));
  }

  static Map<String, Operation> streams(Engine engine) {
    StreamOperations streams = new StreamOperations(engine);
    return Map.of(
        "ListStreams", streams::listStreams,
        "DescribeStream", streams::describeStream,
        "GetShardIterator", streams::getShardIterator,
        "GetRecords", streams::getRecords);
  }
}

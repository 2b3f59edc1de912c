package dev.linkpulse.local;

import java.util.Set;

/** The template's DynamoDB tables, created in the engine as declared, with their streams' ARNs. */
final class TableBooter implements Booter {
  @Override
  public Set<String> types() {
    return Set.of("AWS::DynamoDB::Table");
  }

  @Override
  public void name(Boot boot) {
    boot.resources.tables.putAll(new Provisioner(boot.template, boot.dynamo, boot.sqs).tables());
    boot.resources.tables.forEach((id, name) -> {
      String arn = boot.dynamo.describeTable(r -> r.tableName(name)).table().latestStreamArn();
      if (arn != null) boot.resources.streamArns.put(id, arn);
    });
  }
}

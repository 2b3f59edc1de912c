package dev.linkpulse.deploy.hooks;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** A version under test that answers each event with what {@code answer} says, and records what it was sent. */
final class FakeVersion implements VersionInvoker {
  final List<String> events = new ArrayList<>();
  final List<String> versions = new ArrayList<>();
  private final Function<String, String> answer;

  FakeVersion(Function<String, String> answer) {
    this.answer = answer;
  }

  @Override
  public String invoke(String versionArn, String eventJson) {
    versions.add(versionArn);
    events.add(eventJson);
    return answer.apply(eventJson);
  }
}

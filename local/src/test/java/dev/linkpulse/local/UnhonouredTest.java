package dev.linkpulse.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.linkpulse.template.RepositoryRoot;
import dev.linkpulse.template.Template;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** What the stack says at start-up about the template's settings it reads past, from the repository's template. */
class UnhonouredTest {
  static final Set<String> EMULATED = LocalStack.BOOTERS.stream().flatMap(b -> b.types().stream()).collect(Collectors.toSet());

  @Test
  void theStreamMappingsMaximumRecordAgeIsNamedWithWhatHappensInstead() throws IOException {
    assertThat(lines()).anySatisfy(line -> assertThat(line)
        .startsWith("AggregatorFunction.Clicks MaximumRecordAgeInSeconds: ").contains("MaximumRetryAttempts"));
  }

  @Test
  void iamPoliciesAndTheFunctionsJvmOptionsAreNamedOnceEach() throws IOException {
    List<String> lines = lines();
    assertThat(lines).filteredOn(l -> l.startsWith("function Policies: ")).hasSize(1);
    assertThat(lines).filteredOn(l -> l.startsWith("function environment JAVA_TOOL_OPTIONS: ")).hasSize(1);
  }

  @Test
  void theResourceTypesNoBooterEmulatesAreListedAndNoOthers() throws IOException {
    String notEmulated = lines().stream().filter(l -> l.startsWith("not emulated")).findFirst().orElseThrow();
    assertThat(notEmulated).contains("AWS::CloudFormation::Stack", "AWS::Lambda::Permission", "AWS::SQS::QueuePolicy");
    EMULATED.forEach(type -> assertThat(notEmulated).as(type + " has a booter").doesNotContain(type + ",").doesNotEndWith(type));
  }

  private static List<String> lines() throws IOException {
    return Unhonoured.in(Template.load(RepositoryRoot.template()), EMULATED);
  }
}

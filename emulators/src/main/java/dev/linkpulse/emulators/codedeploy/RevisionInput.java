package dev.linkpulse.emulators.codedeploy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.linkpulse.emulators.protocol.AwsServiceException;

/**
 * Reads a CreateDeployment revision. A Lambda deployment's AppSpec arrives inline: {@code revisionType}
 * {@code AppSpecContent} ({@code appSpecContent.content}) or {@code String} ({@code string.content}), each with
 * an optional {@code sha256} of the content. S3 and GitHub revisions are not served here.
 */
final class RevisionInput {
  private RevisionInput() {}

  static AppSpec appSpec(JsonNode revision) {
    if (revision == null || revision.isNull()) throw AwsServiceException.client("RevisionRequiredException", "The revision is required");
    String type = revision.path("revisionType").asText("");
    JsonNode holder = switch (type) {
      case "AppSpecContent" -> revision.get("appSpecContent");
      case "String" -> revision.get("string");
      default -> throw invalid("the revision type '" + type + "' is not served here; use AppSpecContent or String");
    };
    if (holder == null || !holder.path("content").isTextual()) throw invalid("the " + type + " revision has no content");
    String content = holder.get("content").asText();
    String sha256 = holder.path("sha256").asText(null);
    if (sha256 != null && !sha256.equalsIgnoreCase(DeploymentJson.sha256(content))) {
      throw invalid("the sha256 " + sha256 + " is not the SHA-256 of the content");
    }
    return AppSpecParser.parse(content);
  }

  private static AwsServiceException invalid(String why) {
    return AwsServiceException.client("InvalidRevisionException", "The revision is not valid: " + why);
  }
}

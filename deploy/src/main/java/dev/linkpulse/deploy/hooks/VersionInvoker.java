package dev.linkpulse.deploy.hooks;

/** Invokes one version of a function synchronously with a JSON event and returns its JSON answer. */
interface VersionInvoker {
  /**
   * @throws FunctionFailed when the function answered with an error (Lambda's {@code FunctionError})
   */
  String invoke(String versionArn, String eventJson);

  /** The version answered an error instead of a result. */
  final class FunctionFailed extends RuntimeException {
    FunctionFailed(String message) {
      super(message);
    }
  }
}

package dev.linkpulse.deploy.hooks;

/** One hook's check of the version under test. A throw is a failure, with the exception as its reason. */
interface Check {
  Verdict run() throws Exception;
}

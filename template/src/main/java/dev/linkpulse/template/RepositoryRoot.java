package dev.linkpulse.template;

import java.nio.file.Path;

/** Where template.yaml is: the repository root, for the CLI's commands and the local stack alike. */
public final class RepositoryRoot {
  private RepositoryRoot() {}

  /** The repository root: {@code -Dlinkpulse.root}, else {@code LINKPULSE_ROOT}, else the working directory. */
  public static Path find() {
    String root = System.getProperty("linkpulse.root", System.getenv("LINKPULSE_ROOT"));
    return Path.of(root == null || root.isBlank() ? "." : root).toAbsolutePath().normalize();
  }

  /** {@code template.yaml} under {@link #find()}. */
  public static Path template() {
    return find().resolve("template.yaml");
  }
}

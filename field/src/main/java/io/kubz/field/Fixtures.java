package io.kubz.field;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Locates the shared fixtures (data made by other implementations): the folder named by the
 * environment variable {@code KUBZ_FIXTURES}, else {@code ../shared/fixtures} seen from the project
 * root (the system property {@code kubz.root}, set by the build, else the working directory and its
 * parents). Tests that need a fixture skip, saying so, when this returns empty.
 */
public final class Fixtures {
  private Fixtures() {}

  /** The fixtures folder, if it exists on this machine. */
  public static Optional<Path> root() {
    String env = System.getenv("KUBZ_FIXTURES");
    if (env != null && !env.isBlank()) {
      Path p = Path.of(env);
      return Files.isDirectory(p) ? Optional.of(p) : Optional.empty();
    }
    String rootProp = System.getProperty("kubz.root");
    Path start = Path.of(rootProp != null ? rootProp : "").toAbsolutePath();
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("../shared/fixtures").normalize();
      if (Files.isDirectory(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** A file or folder inside the fixtures, if both exist. */
  public static Optional<Path> resolve(String relative) {
    return root().map(r -> r.resolve(relative)).filter(Files::exists);
  }
}

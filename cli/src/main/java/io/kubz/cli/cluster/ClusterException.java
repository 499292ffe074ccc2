package io.kubz.cli.cluster;

import io.kubz.field.KubzException;

/**
 * A cluster run that cannot finish: no worker joined in time, no worker can take a job, or a job
 * failed on every attempt. Its message says what to do; exit code 3 (a setup the user can fix).
 */
public final class ClusterException extends KubzException {
  private static final long serialVersionUID = 1L;

  public ClusterException(String message) {
    super(message);
  }

  @Override
  public int exitCode() {
    return 3;
  }
}

package io.kubz.cli.cluster;

/** Thrown by a worker for a job that does not fit it; the coordinator gives the job to another. */
public final class CapacityException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public CapacityException(String message) {
    super(message);
  }
}

package io.kubz.field;

/**
 * A problem the user can fix: bad input, a usage mistake, or a proof that does not verify. Its
 * message says what went wrong and what to do. The command line prints the message (no stack trace)
 * and exits with {@link #exitCode()}.
 */
public abstract class KubzException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  protected KubzException(String message) {
    super(message);
  }

  protected KubzException(String message, Throwable cause) {
    super(message, cause);
  }

  /** The process exit code for this kind of problem: 2 usage, 3 bad input, 4 verification failed. */
  public abstract int exitCode();
}

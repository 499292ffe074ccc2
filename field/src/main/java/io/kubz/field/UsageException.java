package io.kubz.field;

/** The command or API was called with options that do not fit together. */
public class UsageException extends KubzException {
  private static final long serialVersionUID = 1L;

  public UsageException(String message) {
    super(message);
  }

  @Override
  public int exitCode() {
    return 2;
  }
}

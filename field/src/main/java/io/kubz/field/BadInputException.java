package io.kubz.field;

/** Input the user gave is unusable: a missing or malformed file, a wrong shape, an SRS too small. */
public class BadInputException extends KubzException {
  private static final long serialVersionUID = 1L;

  public BadInputException(String message) {
    super(message);
  }

  public BadInputException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public int exitCode() {
    return 3;
  }
}

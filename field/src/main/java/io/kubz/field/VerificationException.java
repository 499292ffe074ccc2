package io.kubz.field;

/** A proof, link or bundle did not verify; the message names which part. */
public class VerificationException extends KubzException {
  private static final long serialVersionUID = 1L;

  public VerificationException(String message) {
    super(message);
  }

  @Override
  public int exitCode() {
    return 4;
  }
}

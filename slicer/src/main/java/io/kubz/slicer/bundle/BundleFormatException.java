package io.kubz.slicer.bundle;

import io.kubz.field.BadInputException;

/** Bytes that are not a well-formed proof bundle of a version this kubz reads (exit code 3). */
public final class BundleFormatException extends BadInputException {
  public BundleFormatException(String message) {
    super(message);
  }

  public BundleFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}

package io.kubz.slicer.onnx;

import io.kubz.field.BadInputException;

/**
 * The ONNX file is unreadable or inconsistent: truncated or corrupt bytes, a tensor no node,
 * input or initializer provides, an initializer whose data does not match its shape, an attribute
 * of the wrong type, a cycle. The message names the node or tensor.
 */
public final class MalformedModelException extends BadInputException {
  private static final long serialVersionUID = 1L;

  public MalformedModelException(String message) {
    super(message);
  }

  public MalformedModelException(String message, Throwable cause) {
    super(message, cause);
  }
}

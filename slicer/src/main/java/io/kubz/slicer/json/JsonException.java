package io.kubz.slicer.json;

import io.kubz.field.BadInputException;

/** Malformed JSON, JSON beyond {@link Json}'s limits, or JSON of the wrong shape; the message says where. */
public final class JsonException extends BadInputException {
  private static final long serialVersionUID = 1L;

  public JsonException(String message) {
    super(message);
  }
}

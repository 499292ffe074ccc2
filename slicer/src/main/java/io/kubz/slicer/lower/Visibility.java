package io.kubz.slicer.lower;

/**
 * What a slice reveals of the model's own input and output tensors (DESIGN.md "Linking slices").
 * Other tensors that cross a cut between two slices are always committed (hashed), and so is a
 * PRIVATE model input or output that crosses one ({@link Linking}).
 *
 * @param input how the model's inputs appear in the slices that read them
 * @param output how the model's outputs appear in the slices that produce them
 */
public record Visibility(Mode input, Mode output) {
  /** The default: input and output values are public instances. */
  public static final Visibility PUBLIC = new Visibility(Mode.PUBLIC, Mode.PUBLIC);

  public Visibility {
    if (input == null || output == null) {
      throw new IllegalArgumentException("visibility modes must not be null");
    }
  }

  /** How one tensor appears in a slice's public instance. */
  public enum Mode {
    /** The values themselves are instance cells. */
    PUBLIC,
    /** Nothing is public. */
    PRIVATE,
    /** Only the salted commitment C = TensorCommitment(salt, values) is public. */
    HASHED
  }
}

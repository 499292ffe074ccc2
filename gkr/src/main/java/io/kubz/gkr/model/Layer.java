package io.kubz.gkr.model;

import java.util.List;

/**
 * One layer: it defines one tensor from tensors with smaller ids (see the package documentation).
 * Every kind states its exact integer semantics; {@link Evaluator} is their reference.
 */
public sealed interface Layer {
  /** Entries of the tensor this layer defines. */
  int size();

  /** The tensors it reads. */
  int[] inputs();

  /** A model input of {@code size} entries, public: the verifier evaluates its MLE from the values. */
  record Input(int size) implements Layer {
    public Input {
      positive(size);
    }

    @Override
    public int[] inputs() {
      return new int[0];
    }
  }

  /** One input of a {@link Linear} layer: {@code matrix}·tensor. */
  record Term(int tensor, SparseMatrix matrix) {}

  /**
   * out[i] = bias[i] + Σ_terms (matrix·tensor)[i]: matrix products with constant weights,
   * transposed convolutions (their scatter as the matrix; a convolution is a {@link Conv}),
   * additions and subtractions, sums over windows or axes, multiplication by constants, and every
   * re-indexing (reshape, transpose, slice, concat, pad, gather with constant indices, broadcast)
   * as a 0/1 matrix. Each term's matrix has
   * {@code size} rows and exactly as many columns as its tensor has entries. Not committed.
   *
   * @param bias size entries, or null for none
   */
  record Linear(int size, List<Term> terms, long[] bias) implements Layer {
    public Linear {
      positive(size);
      terms = List.copyOf(terms);
      if (terms.isEmpty()) {
        throw new IllegalArgumentException("a linear layer needs at least one term");
      }
      for (Term t : terms) {
        if (t.matrix().rows() != size) {
          throw new IllegalArgumentException("a term of " + t.matrix().rows() + " rows in a layer of " + size);
        }
      }
      if (bias != null && bias.length != size) {
        throw new IllegalArgumentException(bias.length + " bias entries for " + size);
      }
    }

    @Override
    public int[] inputs() {
      return terms.stream().mapToInt(Term::tensor).toArray();
    }
  }

  /**
   * A convolution with constant weights, stored once: x is [batch, channels, in…] and out is
   * [batch, outChannels, out…] (row-major, 1 to 3 spatial axes), and
   * out[b, m, o] = bias[m] + Σ_(c &lt; channels/group, u) weights[m, c, u]·x[b, g·channels/group + c,
   * o·strides − pads + u·dilations] with g = m / (outChannels/group), the sum over kernel
   * positions u whose input position lies inside [0, in) on every axis (zero padding).
   * weights is [outChannels, channels/group, kernel…] row-major; pads are the leading pads (a
   * trailing pad only shapes {@code out}). Proved by {@link ConvStep}. Not committed.
   *
   * @param bias outChannels entries, or null for none
   */
  record Conv(int input, int batch, int channels, int outChannels, int group, int[] in, int[] out,
      int[] kernel, int[] strides, int[] pads, int[] dilations, long[] weights, long[] bias)
      implements Layer {
    public Conv {
      int r = in.length;
      if (r < 1 || r > 3 || out.length != r || kernel.length != r || strides.length != r
          || pads.length != r || dilations.length != r) {
        throw new IllegalArgumentException("a convolution needs 1 to 3 spatial axes, each with its "
            + "in, out, kernel, stride, pad and dilation");
      }
      positive(batch);
      positive(channels);
      positive(outChannels);
      if (group < 1 || channels % group != 0 || outChannels % group != 0) {
        throw new IllegalArgumentException("group " + group + " must divide " + channels + " and "
            + outChannels + " channels");
      }
      long k = 1;
      for (int d = 0; d < r; d++) {
        positive(in[d]);
        positive(out[d]);
        positive(kernel[d]);
        if (strides[d] < 1 || dilations[d] < 1 || pads[d] < 0
            || (long) (out[d] - 1) * strides[d] + (long) (kernel[d] - 1) * dilations[d] > 1 << 30) {
          throw new IllegalArgumentException("axis " + d + ": stride " + strides[d] + ", pad " + pads[d]
              + ", dilation " + dilations[d] + " out of range");
        }
        k = Math.multiplyExact(k, kernel[d]);
      }
      in = in.clone();
      out = out.clone();
      kernel = kernel.clone();
      strides = strides.clone();
      pads = pads.clone();
      dilations = dilations.clone();
      if (weights.length != Math.multiplyExact(Math.multiplyExact((long) outChannels, channels / group), k)) {
        throw new IllegalArgumentException(weights.length + " weights for a convolution of "
            + outChannels + "×" + channels / group + "×" + k);
      }
      if (bias != null && bias.length != outChannels) {
        throw new IllegalArgumentException(bias.length + " biases for " + outChannels + " channels");
      }
      if (entries(batch, channels, in) > 1 << 30 || entries(batch, outChannels, out) > 1 << 30) {
        throw new IllegalArgumentException("a convolution over 2^30 entries");
      }
    }

    private static long entries(int batch, int channels, int[] dims) {
      long s = (long) batch * channels;
      for (int x : dims) {
        s = Math.multiplyExact(s, x);
      }
      return s;
    }

    /** Entries of x. */
    public int inputSize() {
      return (int) entries(batch, channels, in);
    }

    @Override
    public int size() {
      return (int) entries(batch, outChannels, out);
    }

    @Override
    public int[] inputs() {
      return new int[] {input};
    }
  }

  /** out[i] = a[i]·b[i] (both of {@code size} entries; broadcast first with a Linear). Not committed. */
  record Product(int size, int a, int b) implements Layer {
    public Product {
      positive(size);
    }

    @Override
    public int[] inputs() {
      return new int[] {a, b};
    }
  }

  /**
   * out[i] = Σ_j a[i,j]·b[j,k] per batch: a is batch×m×n, b is batch×n×p, out batch×m×p (row-major).
   * Attention's Q·Kᵀ and A·V (transpose with a Linear first). Not committed.
   */
  record MatMul(int batch, int m, int n, int p, int a, int b) implements Layer {
    public MatMul {
      positive(batch);
      positive(m);
      positive(n);
      positive(p);
    }

    @Override
    public int size() {
      return Math.multiplyExact(Math.multiplyExact(batch, m), p);
    }

    @Override
    public int[] inputs() {
      return new int[] {a, b};
    }
  }

  /**
   * out[i] = ⌊(in[i] + 2^(shift−1)) / 2^shift⌋ (floor division, so negatives round half up like the
   * plonkish path), with −2^(outBits−1) ≤ out[i] &lt; 2^(outBits−1): a value outside that range is an
   * error of the witness (the prover refuses), never wrapped. Committed: out and the remainder.
   */
  record Rescale(int size, int input, int shift, int outBits) implements Layer {
    public Rescale {
      positive(size);
      if (shift < 1 || shift > 48 || outBits < 1 || outBits > 48) {
        throw new IllegalArgumentException("rescale by 2^" + shift + " to " + outBits + " bits");
      }
    }

    @Override
    public int[] inputs() {
      return new int[] {input};
    }
  }

  /**
   * out[i] = the output paired with in[i] in table {@code table} of {@link LayeredModel#tables()};
   * an input the table does not hold is an error of the witness. Committed: out.
   */
  record Lookup(int size, int input, int table) implements Layer {
    public Lookup {
      positive(size);
    }

    @Override
    public int[] inputs() {
      return new int[] {input};
    }
  }

  /**
   * out[i] = max_k inputs[k][i] (every input of {@code size} entries; max-pooling gathers each
   * window position with a Linear first), with max − inputs[k][i] &lt; 2^diffBits for every k: a
   * wider difference is an error of the witness (the proof itself only bounds differences by the
   * limbs' width, which is all the maximum needs). Committed: out and the differences' higher limbs.
   */
  record Max(int size, int[] inputs, int diffBits) implements Layer {
    public Max {
      positive(size);
      if (inputs.length < 1 || diffBits < 1 || diffBits > 48) {
        throw new IllegalArgumentException("max of " + inputs.length + " tensors, " + diffBits + " bits");
      }
      inputs = inputs.clone();
    }
  }

  private static void positive(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("a tensor needs at least one entry, not " + n);
    }
  }
}

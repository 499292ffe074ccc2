package io.kubz.gkr.model;

import io.kubz.field.Fr;
import io.kubz.gkr.mle.Mle;
import io.kubz.poly.transcript.Transcript;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** The steps prover and verifier share (one place, so that they cannot drift apart). */
final class Protocol {
  static final String VERSION = "kubz-layered-gkr-v1";

  private Protocol() {}

  /** Label and version, D, every public input and output value (with its length). */
  static void absorbStatement(Transcript t, byte[] digest, long[][] inputs, long[][] outputs) {
    absorbStatement(t, digest, null, new int[0], new io.kubz.field.G1[0], inputs, outputs);
  }

  /**
   * Label and version, D, then each input and each output in order: a public one's values (with
   * their length), a committed one's C_T under its own label, so the transcript tells which is
   * which. With no committed tensor the bytes are those of the model without boundaries.
   */
  static void absorbStatement(Transcript t, byte[] digest, LayeredModel model, int[] committed,
      io.kubz.field.G1[] commitments, long[][] inputs, long[][] outputs) {
    t.absorbBytes("layered", VERSION.getBytes(StandardCharsets.US_ASCII));
    t.absorbBytes("layered-model", digest);
    int[] ins = model == null ? new int[inputs.length] : model.inputs();
    for (int i = 0; i < inputs.length; i++) {
      int k = committed.length == 0 ? -1 : java.util.Arrays.binarySearch(committed, ins[i]);
      if (k >= 0) {
        t.absorbG1("layered-committed-input", commitments[k]);
      } else {
        t.absorbBytes("layered-input", longs(inputs[i]));
      }
    }
    int[] outs = model == null ? new int[outputs.length] : model.outputs();
    for (int i = 0; i < outputs.length; i++) {
      int k = committed.length == 0 ? -1 : java.util.Arrays.binarySearch(committed, outs[i]);
      if (k >= 0) {
        t.absorbG1("layered-committed-output", commitments[k]);
      } else {
        t.absorbBytes("layered-output", longs(outputs[i]));
      }
    }
  }

  static byte[] longs(long[] v) {
    ByteBuffer b = ByteBuffer.allocate(4 + 8 * v.length).putInt(v.length);
    for (long x : v) {
      b.putLong(x);
    }
    return b.array();
  }

  /** Marks the start of layer t's step (a challenge always follows something absorbed). */
  static void beginLayer(Transcript t, int tensor) {
    t.absorbBytes("layered-layer", ByteBuffer.allocate(4).putInt(tensor).array());
  }

  /** k challenges as a flat point (none for k = 0). */
  static long[] point(Transcript t, String label, int k) {
    long[] p = new long[4 * k];
    if (k > 0) {
      Fr[] c = t.challenges(label, k);
      for (int i = 0; i < k; i++) {
        c[i].writeTo(p, 4 * i);
      }
    }
    return p;
  }

  /** The MLE of {@code values} zero-padded to 2^vars entries, at {@code point}. */
  static Fr evaluatePublic(long[] values, int vars, long[] point) {
    long[] table = new long[4 << vars];
    for (int i = 0; i < values.length; i++) {
      Fr.set(table, 4 * i, values[i]);
    }
    return Mle.evaluate(table, point);
  }

  /** Σ_j 2^(w·j)·limb_j~(z) − offset·mask~(z) for a limbed value of a tensor of {@code size} entries. */
  static Fr limbed(Layout.Limbed v, int w, Fr[] limbEvals, long[] z, int vars, int size) {
    Fr sum = Fr.ZERO;
    Fr scale = Fr.ONE;
    Fr step = Fr.of(1L << w);
    for (Fr e : limbEvals) {
      sum = sum.add(scale.mul(e));
      scale = scale.mul(step);
    }
    if (v.offset() != 0) {
      sum = sum.sub(Fr.of(v.offset()).mul(Mle.prefix(z, vars, size)));
    }
    return sum;
  }

  static Fr[] gammaPowers(Transcript t, int k) {
    Fr[] g = new Fr[k];
    if (k == 0) {
      return g;
    }
    g[0] = Fr.ONE;
    if (k > 1) {
      Fr gamma = t.challenge("layered-gamma");
      for (int i = 1; i < k; i++) {
        g[i] = g[i - 1].mul(gamma);
      }
    }
    return g;
  }
}

package io.kubz.gkr.model;

import io.kubz.poly.transcript.Keccak256Transcript;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** The statement digest D of a {@link LayeredModel} (GKR.md step 1): every layer, shape, weight, shift and table. */
public final class ModelDigests {
  private ModelDigests() {}

  /**
   * Keccak-256 over a canonical encoding of the model (32 bytes): a version label, then every
   * layer as a kind byte and its fields (sizes, tensor ids, shifts, bits, biases, and matrices row
   * by row: the row's entry count, each column as the gap after the previous one, each weight
   * zigzag-encoded), the outputs, and every table's id, inputs and outputs. Integers are unsigned
   * LEB128 varints (signed ones zigzag-encoded) and every list is preceded by its length, so the
   * encoding is injective; varints keep the hashed bytes near two per weight.
   */
  public static byte[] digest(LayeredModel model) {
    Enc d = new Enc();
    byte[] label = "kubz-layered-model-v1".getBytes(StandardCharsets.US_ASCII);
    d.bytes(label);
    d.u(model.layers().size());
    for (Layer l : model.layers()) {
      layer(d, l);
    }
    d.ints(model.outputs());
    d.u(model.tables().size());
    for (TableDef t : model.tables()) {
      d.bytes(t.id().getBytes(StandardCharsets.UTF_8));
      d.longs(t.inputs());
      d.longs(t.outputs());
    }
    return Keccak256Transcript.keccak(d.done());
  }

  private static void layer(Enc d, Layer l) {
    if (l instanceof Layer.Input in) {
      d.u(1);
      d.u(in.size());
    } else if (l instanceof Layer.Linear lin) {
      d.u(2);
      d.u(lin.size());
      d.u(lin.terms().size());
      for (Layer.Term t : lin.terms()) {
        d.u(t.tensor());
        matrix(d, t.matrix());
      }
      d.u(lin.bias() == null ? 0 : 1);
      if (lin.bias() != null) {
        d.longs(lin.bias());
      }
    } else if (l instanceof Layer.Product p) {
      d.u(3);
      d.ints(new int[] {p.size(), p.a(), p.b()});
    } else if (l instanceof Layer.MatMul m) {
      d.u(4);
      d.ints(new int[] {m.batch(), m.m(), m.n(), m.p(), m.a(), m.b()});
    } else if (l instanceof Layer.Rescale r) {
      d.u(5);
      d.ints(new int[] {r.size(), r.input(), r.shift(), r.outBits()});
    } else if (l instanceof Layer.Lookup k) {
      d.u(6);
      d.ints(new int[] {k.size(), k.input(), k.table()});
    } else if (l instanceof Layer.Max mx) {
      d.u(7);
      d.u(mx.size());
      d.u(mx.diffBits());
      d.ints(mx.inputs());
    } else if (l instanceof Layer.Conv cv) {
      d.u(8);
      d.ints(new int[] {cv.input(), cv.batch(), cv.channels(), cv.outChannels(), cv.group()});
      d.ints(cv.in());
      d.ints(cv.out());
      d.ints(cv.kernel());
      d.ints(cv.strides());
      d.ints(cv.pads());
      d.ints(cv.dilations());
      d.longs(cv.weights());
      d.u(cv.bias() == null ? 0 : 1);
      if (cv.bias() != null) {
        d.longs(cv.bias());
      }
    } else {
      throw new IllegalArgumentException("no digest for layer kind " + l.getClass().getSimpleName());
    }
  }

  private static void matrix(Enc d, SparseMatrix m) {
    d.u(m.rows());
    d.u(m.cols());
    int[] rs = m.rowStart();
    for (int i = 0; i < m.rows(); i++) {
      d.u(rs[i + 1] - rs[i]);
      int prev = -1;
      for (int k = rs[i]; k < rs[i + 1]; k++) {
        d.u(m.col()[k] - prev - 1); // columns strictly increase
        prev = m.col()[k];
        d.s(m.val()[k]);
      }
    }
  }

  /** A growing byte buffer with varint writers. */
  private static final class Enc {
    private byte[] b = new byte[1 << 16];
    private int n;

    /** An unsigned LEB128 varint. */
    void u(long v) {
      if (n + 10 > b.length) {
        b = Arrays.copyOf(b, 2 * b.length);
      }
      while ((v & ~0x7FL) != 0) {
        b[n++] = (byte) ((v & 0x7F) | 0x80);
        v >>>= 7;
      }
      b[n++] = (byte) v;
    }

    /** A signed value, zigzag-encoded. */
    void s(long v) {
      u((v << 1) ^ (v >> 63));
    }

    void ints(int[] v) {
      u(v.length);
      for (int x : v) {
        s(x);
      }
    }

    void longs(long[] v) {
      u(v.length);
      for (long x : v) {
        s(x);
      }
    }

    void bytes(byte[] v) {
      u(v.length);
      for (byte x : v) {
        u(x & 0xFF);
      }
    }

    byte[] done() {
      return Arrays.copyOf(b, n);
    }
  }
}

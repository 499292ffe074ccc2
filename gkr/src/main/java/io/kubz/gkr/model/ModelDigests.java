package io.kubz.gkr.model;

import io.kubz.poly.transcript.Keccak256Transcript;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The statement digest D of a {@link LayeredModel} (GKR.md step 1): every layer, shape, weight, shift and table. */
public final class ModelDigests {
  private ModelDigests() {}

  /**
   * Keccak-256 over a canonical encoding of the model (32 bytes): a version label, then every
   * layer as a kind byte and its fields (sizes, tensor ids, shifts, bits, matrices in compressed-row
   * form, biases), the outputs, and every table's id, inputs and outputs; all integers big-endian,
   * every list preceded by its length, so that no two models share an encoding.
   */
  public static byte[] digest(LayeredModel model) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream d = new DataOutputStream(bytes)) {
      d.write("kubz-layered-model-v1".getBytes(StandardCharsets.US_ASCII));
      d.writeInt(model.layers().size());
      for (Layer l : model.layers()) {
        layer(d, l);
      }
      ints(d, model.outputs());
      d.writeInt(model.tables().size());
      for (TableDef t : model.tables()) {
        byte[] id = t.id().getBytes(StandardCharsets.UTF_8);
        d.writeInt(id.length);
        d.write(id);
        longs(d, t.inputs());
        longs(d, t.outputs());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Keccak256Transcript.keccak(bytes.toByteArray());
  }

  private static void layer(DataOutputStream d, Layer l) throws IOException {
    if (l instanceof Layer.Input in) {
      d.writeByte(1);
      d.writeInt(in.size());
    } else if (l instanceof Layer.Linear lin) {
      d.writeByte(2);
      d.writeInt(lin.size());
      d.writeInt(lin.terms().size());
      for (Layer.Term t : lin.terms()) {
        d.writeInt(t.tensor());
        SparseMatrix m = t.matrix();
        d.writeInt(m.rows());
        d.writeInt(m.cols());
        ints(d, m.rowStart());
        ints(d, m.col());
        longs(d, m.val());
      }
      d.writeBoolean(lin.bias() != null);
      if (lin.bias() != null) {
        longs(d, lin.bias());
      }
    } else if (l instanceof Layer.Product p) {
      d.writeByte(3);
      ints(d, new int[] {p.size(), p.a(), p.b()});
    } else if (l instanceof Layer.MatMul m) {
      d.writeByte(4);
      ints(d, new int[] {m.batch(), m.m(), m.n(), m.p(), m.a(), m.b()});
    } else if (l instanceof Layer.Rescale r) {
      d.writeByte(5);
      ints(d, new int[] {r.size(), r.input(), r.shift(), r.outBits()});
    } else if (l instanceof Layer.Lookup k) {
      d.writeByte(6);
      ints(d, new int[] {k.size(), k.input(), k.table()});
    } else if (l instanceof Layer.Max mx) {
      d.writeByte(7);
      d.writeInt(mx.size());
      d.writeInt(mx.diffBits());
      ints(d, mx.inputs());
    }
  }

  private static void ints(DataOutputStream d, int[] v) throws IOException {
    d.writeInt(v.length);
    for (int x : v) {
      d.writeInt(x);
    }
  }

  private static void longs(DataOutputStream d, long[] v) throws IOException {
    d.writeInt(v.length);
    for (long x : v) {
      d.writeLong(x);
    }
  }
}

package io.kubz.plonkish.keygen;

import io.kubz.field.G1;
import io.kubz.plonkish.ir.Column;
import io.kubz.plonkish.ir.Expression;
import io.kubz.plonkish.ir.Gate;
import io.kubz.poly.transcript.Keccak256Transcript;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.List;

/**
 * The canonical byte string of a verifying key, hashed with Keccak-256 into its digest: a version
 * tag, the shape, each gate as its name and its expression trees in prefix order (one tag byte per
 * node; field elements as 32 big-endian bytes), then the fixed commitments as EVM bytes.
 */
final class Canonical {
  private Canonical() {}

  static byte[] digest(int k, int blinding, int[] advicePhases, int numFixed, int numInstance,
      int[] challengePhases, List<Gate> gates, List<G1> fixed) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.write("kubz-plonkish-vk".getBytes(StandardCharsets.US_ASCII));
      out.writeInt(VerifyingKey.FORMAT_VERSION);
      out.writeInt(k);
      out.writeInt(blinding);
      ints(out, advicePhases);
      out.writeInt(numFixed);
      out.writeInt(numInstance);
      ints(out, challengePhases);
      out.writeInt(gates.size());
      for (Gate g : gates) {
        byte[] name = g.name().getBytes(StandardCharsets.UTF_8);
        out.writeInt(name.length);
        out.write(name);
        out.writeInt(g.polys().size());
        for (Expression e : g.polys()) {
          expression(out, e);
        }
      }
      out.writeInt(fixed.size());
      for (G1 c : fixed) {
        out.write(c.toEvmBytes());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Keccak256Transcript.keccak(bytes.toByteArray());
  }

  private static void ints(DataOutputStream out, int[] a) throws IOException {
    out.writeInt(a.length);
    for (int v : a) {
      out.writeInt(v);
    }
  }

  /** Prefix order, walked with an explicit stack: a key's trees may be deep (they come from bytes). */
  private static void expression(DataOutputStream out, Expression root) throws IOException {
    ArrayDeque<Expression> todo = new ArrayDeque<>();
    todo.push(root);
    while (!todo.isEmpty()) {
      Expression e = todo.pop();
      if (e instanceof Expression.Constant c) {
        out.writeByte(0);
        out.write(c.value().toBytesBE());
      } else if (e instanceof Expression.Cell c) {
        out.writeByte(1);
        out.writeByte(c.column().kind());
        out.writeInt(c.column().index());
        out.writeInt(c.column() instanceof Column.Advice a ? a.phase() : 0);
        out.writeInt(c.rotation());
      } else if (e instanceof Expression.Challenge c) {
        out.writeByte(2);
        out.writeInt(c.index());
        out.writeInt(c.phase());
      } else if (e instanceof Expression.Domain d) {
        out.writeByte(3);
        out.writeByte(d.poly().ordinal());
      } else if (e instanceof Expression.Sum s) {
        out.writeByte(4);
        todo.push(s.b());
        todo.push(s.a());
      } else if (e instanceof Expression.Product p) {
        out.writeByte(5);
        todo.push(p.b());
        todo.push(p.a());
      } else if (e instanceof Expression.Negated n) {
        out.writeByte(6);
        todo.push(n.a());
      } else {
        Expression.Scaled s = (Expression.Scaled) e;
        out.writeByte(7);
        out.write(s.factor().toBytesBE());
        todo.push(s.a());
      }
    }
  }
}

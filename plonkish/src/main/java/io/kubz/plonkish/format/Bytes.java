package io.kubz.plonkish.format;

import com.google.protobuf.ByteString;
import io.kubz.field.Fr;
import io.kubz.field.G1;
import io.kubz.plonkish.ir.Column;
import io.kubz.plonkish.proto.ColumnMsg;

/** Element codecs shared by the formats: strict, non-canonical encodings are rejected. */
final class Bytes {
  private Bytes() {}

  static ByteString fr(Fr v) {
    return ByteString.copyFrom(v.toBytesBE());
  }

  static Fr fr(ByteString b) {
    if (b.size() != 32) {
      throw new IllegalArgumentException("a field element is 32 bytes, got " + b.size());
    }
    return Fr.fromBytesBE(b.toByteArray());
  }

  static ByteString g1(G1 p) {
    return ByteString.copyFrom(p.toEvmBytes());
  }

  static G1 g1(ByteString b) {
    if (b.size() != 64) {
      throw new IllegalArgumentException("a G1 point is 64 bytes, got " + b.size());
    }
    return G1.fromEvmBytes(b.toByteArray(), 0);
  }

  static ColumnMsg column(Column c) {
    return ColumnMsg.newBuilder().setKind(c.kind()).setIndex(c.index())
        .setPhase(c instanceof Column.Advice a ? a.phase() : 0).build();
  }

  static Column column(ColumnMsg m) {
    switch (m.getKind()) {
      case 0:
        return new Column.Advice(m.getIndex(), m.getPhase());
      case 1:
        return new Column.Fixed(m.getIndex());
      case 2:
        return new Column.Instance(m.getIndex());
      default:
        throw new IllegalArgumentException("unknown column kind " + m.getKind());
    }
  }

  static Column column(int kind, int index, int phase) {
    return column(ColumnMsg.newBuilder().setKind(kind).setIndex(index).setPhase(phase).build());
  }
}

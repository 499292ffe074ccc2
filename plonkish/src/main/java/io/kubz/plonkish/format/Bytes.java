package io.kubz.plonkish.format;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Parser;
import io.kubz.field.Fr;
import io.kubz.field.G1;
import io.kubz.plonkish.ir.Column;
import io.kubz.plonkish.proto.ColumnMsg;

/** Element codecs shared by the formats: strict, non-canonical encodings are rejected. */
final class Bytes {
  private Bytes() {}

  /**
   * Parses a message with explicit limits: no nested message deeper than the formats use, and no
   * length prefix reaching past the bytes given (a claimed length of 2^31 fails at once).
   */
  static <T> T parse(byte[] bytes, Parser<T> parser) throws InvalidProtocolBufferException {
    CodedInputStream in = CodedInputStream.newInstance(bytes);
    in.setRecursionLimit(8);
    in.setSizeLimit(bytes.length);
    return parser.parseFrom(in);
  }

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

package io.kubz.plonkish.format;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.kubz.field.BadInputException;
import io.kubz.field.Fr;
import io.kubz.field.G1;
import io.kubz.plonkish.Proof;
import io.kubz.plonkish.keygen.KeyLimits;
import io.kubz.plonkish.proto.ProofMsg;
import java.util.ArrayList;
import java.util.List;

/** Proof bytes (protobuf {@code ProofMsg}, format version {@link #VERSION}). */
public final class ProofCodec {
  /** 2: the transcript absorbs instance columns sparsely (the bytes are laid out as in 1). */
  public static final int VERSION = 2;

  /**
   * A bound on a proof's points and scalars: one commitment per advice column and quotient piece,
   * one evaluation per query, one opening per point; a proof beyond it matches no readable key.
   */
  static final int MAX_ELEMENTS = 4 * KeyLimits.MAX_COLUMNS;

  private ProofCodec() {}

  public static byte[] encode(Proof p) {
    ProofMsg.Builder b = ProofMsg.newBuilder().setVersion(VERSION);
    p.advice().forEach(c -> b.addAdvice(Bytes.g1(c)));
    p.quotient().forEach(c -> b.addQuotient(Bytes.g1(c)));
    p.evaluations().forEach(e -> b.addEvaluations(Bytes.fr(e)));
    p.openings().forEach(c -> b.addOpenings(Bytes.g1(c)));
    return b.build().toByteArray();
  }

  /** Parses a proof; malformed bytes (bad protobuf, version, point or element) raise BadInputException. */
  public static Proof decode(byte[] bytes) {
    try {
      ProofMsg m = Bytes.parse(bytes, ProofMsg.parser());
      int elements = m.getAdviceCount() + m.getQuotientCount() + m.getEvaluationsCount() + m.getOpeningsCount();
      if (elements > MAX_ELEMENTS) {
        throw new IllegalArgumentException(elements + " elements, more than any key asks for");
      }
      if (m.getVersion() != VERSION) {
        throw new BadInputException("proof format version " + m.getVersion() + " is not supported (this kubz reads "
            + VERSION + "): prove again with this version");
      }
      return new Proof(points(m.getAdviceList()), points(m.getQuotientList()), scalars(m.getEvaluationsList()),
          points(m.getOpeningsList()));
    } catch (InvalidProtocolBufferException | IllegalArgumentException e) {
      throw new BadInputException("malformed proof: " + e.getMessage(), e);
    }
  }

  static List<G1> points(List<ByteString> in) {
    List<G1> out = new ArrayList<>();
    in.forEach(b -> out.add(Bytes.g1(b)));
    return out;
  }

  static List<Fr> scalars(List<ByteString> in) {
    List<Fr> out = new ArrayList<>();
    in.forEach(b -> out.add(Bytes.fr(b)));
    return out;
  }
}

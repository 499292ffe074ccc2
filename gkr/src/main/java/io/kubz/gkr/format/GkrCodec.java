package io.kubz.gkr.format;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.kubz.field.BadInputException;
import io.kubz.field.Fr;
import io.kubz.gkr.logup.LogupProof;
import io.kubz.gkr.logup.TowerProof;
import io.kubz.gkr.opening.ReductionProof;
import io.kubz.gkr.proto.LayerMsg;
import io.kubz.gkr.proto.LogupProofMsg;
import io.kubz.gkr.proto.OpeningReductionMsg;
import io.kubz.gkr.proto.RoundMsg;
import io.kubz.gkr.proto.SumcheckMsg;
import io.kubz.gkr.proto.TableProofMsg;
import io.kubz.gkr.sumcheck.SumcheckProof;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Proofs to and from bytes (see the package documentation). */
public final class GkrCodec {
  public static final int VERSION = 2;

  private GkrCodec() {}

  public static byte[] encode(LogupProof p) {
    return logupMsg(p).toByteArray();
  }

  /** The message of a logUp-GKR proof (to embed it in a larger proof). */
  public static LogupProofMsg logupMsg(LogupProof p) {
    LogupProofMsg.Builder b = LogupProofMsg.newBuilder().setVersion(VERSION);
    for (LogupProof.TableProof tp : p.tables()) {
      TableProofMsg.Builder tb = TableProofMsg.newBuilder();
      tp.lookupTower().layers().forEach(l -> tb.addLayers(layer(l)));
      tp.tableTower().layers().forEach(l -> tb.addTableLayers(layer(l)));
      tp.columnEvals().forEach(c -> tb.addColumnEvals(fr(c)));
      tb.setMultiplicityEval(fr(tp.multiplicityEval()));
      b.addTables(tb);
    }
    return b.build();
  }

  public static LogupProof decodeLogup(byte[] bytes) {
    LogupProofMsg m;
    try {
      m = LogupProofMsg.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      throw new BadInputException("not a kubz logUp-GKR proof (malformed protobuf): " + e.getMessage(), e);
    }
    LogupProof proof = decode(m);
    canonical(encode(proof), bytes);
    return proof;
  }

  /** The proof in a message (no canonical check: the caller checks its whole proof's bytes). */
  public static LogupProof decode(LogupProofMsg m) {
    version(m.getVersion());
    List<LogupProof.TableProof> tables = new ArrayList<>();
    for (TableProofMsg tm : m.getTablesList()) {
      tables.add(new LogupProof.TableProof(tower(tm.getLayersList()), tower(tm.getTableLayersList()),
          frs(tm.getColumnEvalsList()), fr(tm.getMultiplicityEval())));
    }
    return new LogupProof(tables);
  }

  private static LayerMsg layer(TowerProof.Layer l) {
    LayerMsg.Builder lb = LayerMsg.newBuilder().setSumcheck(sumcheck(l.sumcheck()));
    l.children().forEach(c -> lb.addChildren(fr(c)));
    return lb.build();
  }

  private static TowerProof tower(List<LayerMsg> msgs) {
    List<TowerProof.Layer> layers = new ArrayList<>();
    for (LayerMsg lm : msgs) {
      if (lm.getChildrenCount() != 4) {
        throw new BadInputException("a tower layer has 4 child evaluations, this one "
            + lm.getChildrenCount() + ": the proof is corrupt");
      }
      layers.add(new TowerProof.Layer(sumcheck(lm.getSumcheck()), frs(lm.getChildrenList())));
    }
    return new TowerProof(layers);
  }

  public static byte[] encode(ReductionProof p) {
    return reductionMsg(p).toByteArray();
  }

  public static OpeningReductionMsg reductionMsg(ReductionProof p) {
    return OpeningReductionMsg.newBuilder().setVersion(VERSION).setSumcheck(sumcheck(p.sumcheck()))
        .setValue(fr(p.value())).build();
  }

  /** The reduction in a message (no canonical check). */
  public static ReductionProof decode(OpeningReductionMsg m) {
    version(m.getVersion());
    return new ReductionProof(sumcheck(m.getSumcheck()), fr(m.getValue()));
  }

  public static ReductionProof decodeReduction(byte[] bytes) {
    OpeningReductionMsg m;
    try {
      m = OpeningReductionMsg.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      throw new BadInputException("not a kubz batched-opening proof (malformed protobuf): "
          + e.getMessage(), e);
    }
    version(m.getVersion());
    ReductionProof proof = new ReductionProof(sumcheck(m.getSumcheck()), fr(m.getValue()));
    canonical(encode(proof), bytes);
    return proof;
  }

  /**
   * Only the one encoding this codec writes is accepted (the decoded proof re-encodes to the same
   * bytes): unknown fields, repeated singular fields or non-minimal varints would make several byte
   * strings mean one proof.
   */
  private static void canonical(byte[] reencoded, byte[] bytes) {
    if (!Arrays.equals(reencoded, bytes)) {
      throw new BadInputException("a gkr proof in a non-canonical encoding (unknown or repeated "
          + "fields): the proof is corrupt");
    }
  }

  private static void version(int v) {
    if (v != VERSION) {
      throw new BadInputException("gkr proof format version " + v + ", this kubz reads version "
          + VERSION + ": prove again with this version");
    }
  }

  public static SumcheckMsg sumcheck(SumcheckProof p) {
    SumcheckMsg.Builder b = SumcheckMsg.newBuilder();
    for (List<Fr> round : p.rounds()) {
      RoundMsg.Builder rb = RoundMsg.newBuilder();
      round.forEach(v -> rb.addValues(fr(v)));
      b.addRounds(rb);
    }
    return b.build();
  }

  public static SumcheckProof sumcheck(SumcheckMsg m) {
    List<List<Fr>> rounds = new ArrayList<>();
    for (RoundMsg r : m.getRoundsList()) {
      rounds.add(frs(r.getValuesList()));
    }
    return new SumcheckProof(rounds);
  }

  public static ByteString fr(Fr x) {
    return ByteString.copyFrom(x.toBytesBE());
  }

  public static List<Fr> frs(List<ByteString> bs) {
    List<Fr> out = new ArrayList<>(bs.size());
    for (ByteString b : bs) {
      out.add(fr(b));
    }
    return out;
  }

  public static Fr fr(ByteString b) {
    if (b.size() != 32) {
      throw new BadInputException("a field element is 32 bytes, got " + b.size()
          + ": the proof is corrupt");
    }
    try {
      return Fr.fromBytesBE(b.toByteArray());
    } catch (IllegalArgumentException e) {
      throw new BadInputException("a field element is not below the BN254 scalar modulus: "
          + "the proof is corrupt", e);
    }
  }
}

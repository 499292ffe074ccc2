package io.kubz.gkr.model;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import io.kubz.field.BadInputException;
import io.kubz.field.Fr;
import io.kubz.field.G1;
import io.kubz.gkr.format.GkrCodec;
import io.kubz.gkr.logup.LogupProof;
import io.kubz.gkr.opening.ReductionProof;
import io.kubz.gkr.pcs.HyperKzgProof;
import io.kubz.gkr.proto.LayeredProofMsg;
import io.kubz.gkr.proto.SumcheckMsg;
import io.kubz.gkr.sumcheck.SumcheckProof;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A proof of one {@link LayeredModel} run (protobuf {@code kubz.gkr.LayeredProofMsg}, see
 * gkr.proto): the witness commitment, the lookup towers, every layer's sumchecks and claimed
 * evaluations in the order the verifier reads them, the batched opening and its HyperKZG proof.
 * Filled in by {@link LayeredProver}. The parts a model without committed tensors does not need are
 * null (commitment, opening, pcs) or absent (logup without lookups). A model with committed
 * boundary tensors ({@link Boundaries}) adds their commitments C_T (increasing tensor id) and, for
 * each that has claims, a batched-opening reduction and a HyperKZG opening.
 */
public final class LayeredProof {
  /** Proofs longer than this are refused before parsing (a LeNet-5-sized model's is 46 KB). */
  public static final int MAX_BYTES = 1 << 24;

  final G1 wit;
  final LogupProof logup;
  final List<Fr> evals;
  final List<SumcheckProof> sumchecks;
  final ReductionProof opening;
  final HyperKzgProof pcs;
  final List<G1> boundary;
  final List<ReductionProof> boundaryOpenings;
  final List<HyperKzgProof> boundaryPcs;

  LayeredProof(G1 wit, LogupProof logup, List<Fr> evals, List<SumcheckProof> sumchecks,
      ReductionProof opening, HyperKzgProof pcs) {
    this(wit, logup, evals, sumchecks, opening, pcs, List.of(), List.of(), List.of());
  }

  LayeredProof(G1 wit, LogupProof logup, List<Fr> evals, List<SumcheckProof> sumchecks,
      ReductionProof opening, HyperKzgProof pcs, List<G1> boundary, List<ReductionProof> boundaryOpenings,
      List<HyperKzgProof> boundaryPcs) {
    this.wit = wit;
    this.logup = logup;
    this.evals = List.copyOf(evals);
    this.sumchecks = List.copyOf(sumchecks);
    this.opening = opening;
    this.pcs = pcs;
    this.boundary = List.copyOf(boundary);
    this.boundaryOpenings = List.copyOf(boundaryOpenings);
    this.boundaryPcs = List.copyOf(boundaryPcs);
  }

  /**
   * The commitments C_T of the committed boundary tensors, in increasing tensor id, compressed (32
   * bytes each): what a bundle compares between the slice producing T and the slices reading it.
   */
  public List<byte[]> boundaryCommitments() {
    return boundary.stream().map(G1::toCompressed).toList();
  }

  /** The protobuf bytes. */
  public byte[] toBytes() {
    LayeredProofMsg.Builder b = LayeredProofMsg.newBuilder().setVersion(GkrCodec.VERSION);
    if (wit != null) {
      b.setWitCommitment(ByteString.copyFrom(wit.toCompressed()));
    }
    if (logup != null) {
      b.setLogup(GkrCodec.logupMsg(logup));
    }
    evals.forEach(x -> b.addEvals(GkrCodec.fr(x)));
    sumchecks.forEach(s -> b.addSumchecks(GkrCodec.sumcheck(s)));
    if (opening != null) {
      b.setOpening(GkrCodec.reductionMsg(opening));
    }
    if (pcs != null) {
      b.setPcs(ByteString.copyFrom(pcs.toBytes()));
    }
    boundary.forEach(c -> b.addBoundaryCommitments(ByteString.copyFrom(c.toCompressed())));
    boundaryOpenings.forEach(o -> b.addBoundaryOpenings(GkrCodec.reductionMsg(o)));
    boundaryPcs.forEach(p -> b.addBoundaryPcs(ByteString.copyFrom(p.toBytes())));
    return b.build().toByteArray();
  }

  /**
   * The format version {@code bytes} declare (GkrCodec.VERSION for this kubz's proofs), or −1 when
   * they are not a layered proof at all; never throws. Lets a verifier say "made by another kubz
   * version" instead of "does not verify" for an old proof.
   */
  public static int formatVersion(byte[] bytes) {
    if (bytes == null || bytes.length > MAX_BYTES) {
      return -1;
    }
    try {
      CodedInputStream in = CodedInputStream.newInstance(bytes);
      in.setRecursionLimit(16);
      return LayeredProofMsg.parseFrom(in).getVersion();
    } catch (java.io.IOException | RuntimeException e) {
      return -1;
    }
  }

  /** The proof in {@code bytes}, or empty when they are malformed or over the limits; never throws. */
  public static Optional<LayeredProof> parse(byte[] bytes) {
    if (bytes == null || bytes.length > MAX_BYTES) {
      return Optional.empty();
    }
    try {
      CodedInputStream in = CodedInputStream.newInstance(bytes);
      in.setRecursionLimit(16);
      LayeredProofMsg m = LayeredProofMsg.parseFrom(in);
      if (m.getVersion() != GkrCodec.VERSION) {
        return Optional.empty();
      }
      G1 wit = m.getWitCommitment().isEmpty() ? null
          : G1.fromCompressed(m.getWitCommitment().toByteArray());
      LogupProof logup = m.hasLogup() ? GkrCodec.decode(m.getLogup()) : null;
      List<SumcheckProof> sc = new ArrayList<>();
      for (SumcheckMsg s : m.getSumchecksList()) {
        sc.add(GkrCodec.sumcheck(s));
      }
      ReductionProof opening = m.hasOpening() ? GkrCodec.decode(m.getOpening()) : null;
      HyperKzgProof pcs = null;
      if (m.hasOpening()) {
        int len = m.getPcs().size();
        int per = HyperKzgProof.encodedLength(1);
        if (len % per != 0) {
          return Optional.empty();
        }
        pcs = HyperKzgProof.fromBytes(m.getPcs().toByteArray(), len / per);
      } else if (!m.getPcs().isEmpty()) {
        return Optional.empty();
      }
      List<G1> boundary = new ArrayList<>();
      for (ByteString c : m.getBoundaryCommitmentsList()) {
        boundary.add(G1.fromCompressed(c.toByteArray()));
      }
      List<ReductionProof> bOpen = new ArrayList<>();
      for (io.kubz.gkr.proto.OpeningReductionMsg o : m.getBoundaryOpeningsList()) {
        bOpen.add(GkrCodec.decode(o));
      }
      List<HyperKzgProof> bPcs = new ArrayList<>();
      for (ByteString b : m.getBoundaryPcsList()) {
        Optional<HyperKzgProof> h = hyperKzg(b);
        if (h.isEmpty()) {
          return Optional.empty();
        }
        bPcs.add(h.get());
      }
      LayeredProof p = new LayeredProof(wit, logup, GkrCodec.frs(m.getEvalsList()), sc, opening, pcs,
          boundary, bOpen, bPcs);
      // one encoding per proof: unknown or repeated fields, non-minimal varints are refused
      return Arrays.equals(p.toBytes(), bytes) ? Optional.of(p) : Optional.empty();
    } catch (java.io.IOException | BadInputException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** A HyperKZG proof whose variable count its length gives (n ≥ 1: 128·n bytes), or empty. */
  private static Optional<HyperKzgProof> hyperKzg(ByteString b) {
    int per = HyperKzgProof.encodedLength(1);
    if (b.isEmpty() || b.size() % per != 0) {
      return Optional.empty();
    }
    return Optional.of(HyperKzgProof.fromBytes(b.toByteArray(), b.size() / per));
  }

  /** Size of the proof in bytes. */
  public int size() {
    return toBytes().length;
  }
}

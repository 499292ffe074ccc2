package io.kubz.plonkish.format;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.kubz.field.BadInputException;
import io.kubz.field.Fr;
import io.kubz.plonkish.ir.Argument;
import io.kubz.plonkish.ir.CircuitDescription;
import io.kubz.plonkish.ir.Column;
import io.kubz.plonkish.ir.CopyConstraint;
import io.kubz.plonkish.ir.Expression;
import io.kubz.plonkish.ir.Gate;
import io.kubz.plonkish.ir.Region;
import io.kubz.plonkish.keygen.KeyLimits;
import io.kubz.plonkish.keygen.Keygen;
import io.kubz.plonkish.keygen.ProvingKey;
import io.kubz.plonkish.keygen.VerifyingKey;
import io.kubz.plonkish.permutation.PermutationArgument;
import io.kubz.plonkish.prover.PhaseRunner;
import io.kubz.plonkish.prover.PolyOps;
import io.kubz.plonkish.proto.CopyMsg;
import io.kubz.plonkish.proto.PermutationMsg;
import io.kubz.plonkish.proto.ProvingKeyMsg;
import io.kubz.plonkish.proto.RegionMsg;
import io.kubz.plonkish.proto.VerifyingKeyMsg;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Verifying-key and proving-key bytes (protobuf, format version {@link VerifyingKey#FORMAT_VERSION}). */
public final class KeyCodec {
  private KeyCodec() {}

  public static byte[] encode(VerifyingKey vk) {
    return vkMsg(vk).toByteArray();
  }

  /** Parses a verifying key and checks its digest; malformed input raises BadInputException. */
  public static VerifyingKey decodeVerifyingKey(byte[] bytes) {
    try {
      return vk(Bytes.parse(bytes, VerifyingKeyMsg.parser()));
    } catch (InvalidProtocolBufferException | IllegalArgumentException | IndexOutOfBoundsException e) {
      throw new BadInputException("malformed verifying key: " + e.getMessage(), e);
    }
  }

  private static VerifyingKeyMsg vkMsg(VerifyingKey vk) {
    VerifyingKeyMsg.Builder b = VerifyingKeyMsg.newBuilder().setVersion(VerifyingKey.FORMAT_VERSION)
        .setK(vk.k()).setBlinding(vk.blinding()).setNumFixed(vk.numFixed()).setNumInstance(vk.numInstance())
        .setDigest(ByteString.copyFrom(vk.digest()));
    Arrays.stream(vk.advicePhases()).forEach(b::addAdvicePhases);
    Arrays.stream(vk.challengePhases()).forEach(b::addChallengePhases);
    vk.gates().forEach(g -> b.addGates(ExpressionCodec.gate(g)));
    vk.fixedCommitments().forEach(c -> b.addFixedCommitments(Bytes.g1(c)));
    return b.build();
  }

  private static VerifyingKey vk(VerifyingKeyMsg m) {
    if (m.getVersion() != VerifyingKey.FORMAT_VERSION) {
      throw new BadInputException("verifying-key format version " + m.getVersion() + " is not supported (this kubz reads "
          + VerifyingKey.FORMAT_VERSION + "): run keygen again");
    }
    // every count is bounded before anything proportional to it is built or walked
    int[] advicePhases = ints(m.getAdvicePhasesList(), "advice columns", KeyLimits.MAX_COLUMNS);
    int[] challengePhases = ints(m.getChallengePhasesList(), "challenges", KeyLimits.MAX_CHALLENGES);
    KeyLimits.checkShape(m.getK(), m.getBlinding(), advicePhases, m.getNumFixed(), m.getNumInstance(),
        challengePhases, m.getGatesCount(), m.getFixedCommitmentsCount());
    if (m.getDigest().size() != 32) {
      throw new IllegalArgumentException("a key digest is 32 bytes, got " + m.getDigest().size());
    }
    List<Gate> gates = new GateReader(m.getK(), advicePhases, m.getNumFixed(), m.getNumInstance(), challengePhases)
        .gates(m.getGatesList());
    VerifyingKey vk = new VerifyingKey(m.getK(), m.getBlinding(), advicePhases, m.getNumFixed(), m.getNumInstance(),
        challengePhases, gates, ProofCodec.points(m.getFixedCommitmentsList()), m.getDigest().toByteArray());
    KeyLimits.checkQueries(vk.queries());
    KeyLimits.checkCount("gate degree", vk.maxDegree(), KeyLimits.MAX_DEGREE);
    if (!Arrays.equals(Keygen.digestOf(vk), vk.digest())) {
      throw new BadInputException("verifying key digest does not match its contents: the file was altered");
    }
    return vk;
  }

  private static int[] ints(List<Integer> in, String what, int max) {
    KeyLimits.checkCount(what, in.size(), max);
    return in.stream().mapToInt(Integer::intValue).toArray();
  }

  public static byte[] encode(ProvingKey pk) {
    CircuitDescription d = pk.description();
    ProvingKeyMsg.Builder b = ProvingKeyMsg.newBuilder().setVersion(VerifyingKey.FORMAT_VERSION).setVk(vkMsg(pk.vk()));
    d.gates().forEach(g -> b.addGates(ExpressionCodec.gate(g)));
    for (CopyConstraint c : d.copies()) {
      b.addCopies(CopyMsg.newBuilder().setA(Bytes.column(c.a())).setRowA(c.rowA()).setB(Bytes.column(c.b()))
          .setRowB(c.rowB()));
    }
    byte[] buf = new byte[32 * d.n()];
    for (long[] col : d.fixed()) {
      for (int r = 0; r < d.n(); r++) {
        Fr.toBytesBE(col, 4 * r, buf, 32 * r);
      }
      b.addFixedValues(ByteString.copyFrom(buf));
    }
    d.regions().forEach(r -> b.addRegions(RegionMsg.newBuilder().setName(r.name()).setStart(r.start()).setRows(r.rows())));
    for (Argument a : d.arguments()) {
      if (!(a instanceof PermutationArgument p)) {
        throw new IllegalArgumentException("no proving-key format for argument " + a.name());
      }
      PermutationMsg.Builder pm = PermutationMsg.newBuilder().setBeta(p.beta().index()).setGamma(p.gamma().index())
          .setChunk(p.chunk());
      p.permutedColumns().forEach(c -> pm.addColumns(Bytes.column(c)));
      p.sigmas().forEach(c -> pm.addSigmaFixed(c.index()));
      p.columns().forEach(c -> pm.addProductAdvice(c.index()));
      b.addPermutations(pm);
    }
    return b.build().toByteArray();
  }

  /** Parses a proving key; malformed input raises BadInputException. */
  public static ProvingKey decodeProvingKey(byte[] bytes) {
    try {
      ProvingKeyMsg m = Bytes.parse(bytes, ProvingKeyMsg.parser());
      if (m.getVersion() != VerifyingKey.FORMAT_VERSION) {
        throw new BadInputException("proving-key format version " + m.getVersion() + " is not supported: run keygen again");
      }
      VerifyingKey vk = vk(m.getVk());
      int n = vk.n();
      List<Gate> gates = new GateReader(vk.k(), vk.advicePhases(), vk.numFixed(), vk.numInstance(),
          vk.challengePhases()).gates(m.getGatesList());
      List<CopyConstraint> copies = new ArrayList<>();
      for (CopyMsg c : m.getCopiesList()) {
        copies.add(new CopyConstraint(Bytes.column(c.getA()), c.getRowA(), Bytes.column(c.getB()), c.getRowB()));
      }
      long[][] fixed = new long[m.getFixedValuesCount()][];
      for (int c = 0; c < fixed.length; c++) {
        byte[] raw = m.getFixedValues(c).toByteArray();
        if (raw.length != 32 * n) {
          throw new IllegalArgumentException("fixed column " + c + " has " + raw.length / 32 + " rows, expected " + n);
        }
        fixed[c] = new long[4 * n];
        for (int r = 0; r < n; r++) {
          Fr.fromBytesBE(fixed[c], 4 * r, raw, 32 * r);
        }
      }
      List<Region> regions = new ArrayList<>();
      m.getRegionsList().forEach(r -> regions.add(new Region(r.getName(), r.getStart(), r.getRows())));
      List<Argument> arguments = new ArrayList<>();
      for (PermutationMsg p : m.getPermutationsList()) {
        List<Column> cols = new ArrayList<>();
        p.getColumnsList().forEach(c -> cols.add(Bytes.column(c)));
        List<Column.Fixed> sigmas = new ArrayList<>();
        p.getSigmaFixedList().forEach(i -> sigmas.add(new Column.Fixed(i)));
        List<Column.Advice> products = new ArrayList<>();
        p.getProductAdviceList().forEach(i -> products.add(new Column.Advice(i, vk.advicePhases()[i])));
        int[] cp = vk.challengePhases();
        arguments.add(PermutationArgument.restore(cols, sigmas, products,
            new Expression.Challenge(p.getBeta(), cp[p.getBeta()]), new Expression.Challenge(p.getGamma(), cp[p.getGamma()]),
            p.getChunk(), vk.k(), vk.blinding(), copies));
      }
      CircuitDescription d = new CircuitDescription(vk.k(), vk.blinding(), vk.advicePhases(), vk.numFixed(),
          vk.numInstance(), vk.challengePhases(), gates, copies, fixed, regions, arguments);
      if (!d.allGates().equals(vk.gates())) {
        throw new BadInputException("proving key does not match its verifying key: run keygen again");
      }
      long[][] coeffs = new long[fixed.length][];
      for (int c = 0; c < fixed.length; c++) {
        coeffs[c] = PhaseRunner.coefficients(fixed[c], vk.k());
      }
      return new ProvingKey(d, vk, coeffs, PolyOps.domainPolys(vk.k(), vk.usable()));
    } catch (InvalidProtocolBufferException | IllegalArgumentException | IndexOutOfBoundsException e) {
      throw new BadInputException("malformed proving key: " + e.getMessage(), e);
    }
  }
}

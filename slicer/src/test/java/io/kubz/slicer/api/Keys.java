package io.kubz.slicer.api;

import io.kubz.plonkish.format.KeyCodec;
import io.kubz.plonkish.ir.Column;
import io.kubz.plonkish.ir.Expression;
import io.kubz.plonkish.ir.Gate;
import io.kubz.plonkish.keygen.KeyLimits;
import io.kubz.plonkish.keygen.Keygen;
import io.kubz.plonkish.keygen.VerifyingKey;
import io.kubz.slicer.bundle.ProofBundle;
import java.util.ArrayList;
import java.util.List;

/** Malicious verifying keys for the fuzzer, each with its digest recomputed as a forger would. */
final class Keys {
  private Keys() {}

  /** A key and its digest. */
  record Key(String name, byte[] bytes, byte[] digest) {}

  static Key forge(String name, VerifyingKey vk, int k, int blinding, int[] advicePhases, int numFixed,
      int numInstance, int[] challengePhases, List<Gate> gates) {
    VerifyingKey v = new VerifyingKey(k, blinding, advicePhases, numFixed, numInstance, challengePhases, gates,
        vk.fixedCommitments(), new byte[32]);
    byte[] digest = Keygen.digestOf(v);
    v = new VerifyingKey(k, blinding, advicePhases, numFixed, numInstance, challengePhases, gates,
        vk.fixedCommitments(), digest);
    return new Key(name, KeyCodec.encode(v), digest);
  }

  static Key withGate(String name, VerifyingKey vk, Gate g) {
    List<Gate> gates = new ArrayList<>(vk.gates());
    gates.add(g);
    return forge(name, vk, vk.k(), vk.blinding(), vk.advicePhases(), vk.numFixed(), vk.numInstance(),
        vk.challengePhases(), gates);
  }

  static List<Key> expressionMutants(VerifyingKey vk) {
    List<Key> out = new ArrayList<>();
    Expression cell = new Expression.Cell(new Column.Advice(0, vk.advicePhases()[0]), 0);
    Expression neg = cell;
    for (int i = 0; i < 200_000; i++) {
      neg = neg.neg();
    }
    out.add(withGate("a gate of 200,000 nested negations", vk, new Gate("deep", List.of(neg))));
    Expression sums = cell;
    for (int i = 0; i < 100_000; i++) {
      sums = sums.add(cell);
    }
    out.add(withGate("a gate of 100,000 nested sums", vk, new Gate("deep", List.of(sums))));
    // balanced, so shallow: 2^20 + 1 nodes
    List<Expression> level = new ArrayList<>();
    for (int i = 0; i <= KeyLimits.MAX_NODES / 2; i++) {
      level.add(cell);
    }
    while (level.size() > 1) {
      List<Expression> next = new ArrayList<>();
      for (int i = 0; i + 1 < level.size(); i += 2) {
        next.add(level.get(i).add(level.get(i + 1)));
      }
      if (level.size() % 2 == 1) {
        next.add(level.get(level.size() - 1));
      }
      level = next;
    }
    out.add(withGate("a shallow gate of 2^20 + 1 nodes", vk, new Gate("wide", List.of(level.get(0)))));
    List<Gate> many = new ArrayList<>(vk.gates());
    for (int i = 0; i <= KeyLimits.MAX_GATES; i++) {
      many.add(new Gate("g", List.of(Expression.constant(i))));
    }
    out.add(forge("2^16 + 1 gates", vk, vk.k(), vk.blinding(), vk.advicePhases(), vk.numFixed(), vk.numInstance(),
        vk.challengePhases(), many));
    out.add(withGate("a gate name of 100,000 characters", vk, new Gate("x".repeat(100_000), List.of(cell))));
    out.add(withGate("a gate reading advice column 10^6", vk,
        new Gate("undeclared", List.of(new Expression.Cell(new Column.Advice(1_000_000, 0), 0)))));
    out.add(withGate("a gate reading challenge 999", vk,
        new Gate("undeclared", List.of(new Expression.Challenge(999, 0)))));
    out.add(withGate("a gate of degree 4097", vk, new Gate("high", List.of(power(cell, 4097)))));
    Expression inst = new Expression.Cell(new Column.Instance(0), 0);
    for (int r = 1; r <= KeyLimits.MAX_INSTANCE_QUERIES; r++) {
      inst = inst.add(new Expression.Cell(new Column.Instance(0), -r));
    }
    out.add(withGate("a gate reading the public values at 17 rotations", vk, new Gate("instance", List.of(inst))));
    return out;
  }

  /** e^d as a balanced product tree (depth about log2 d). */
  private static Expression power(Expression e, int d) {
    if (d == 1) {
      return e;
    }
    return power(e, d / 2).mul(power(e, d - d / 2));
  }

  static List<Key> shapeMutants(VerifyingKey vk) {
    List<Key> out = new ArrayList<>();
    int[] ap = vk.advicePhases();
    int[] cp = vk.challengePhases();
    int f = vk.numFixed();
    int in = vk.numInstance();
    List<Gate> g = vk.gates();
    out.add(forge("k = 28", vk, 28, vk.blinding(), ap, f, in, cp, g));
    out.add(forge("k = 29", vk, 29, vk.blinding(), ap, f, in, cp, g));
    out.add(forge("k = 2^31 - 1", vk, Integer.MAX_VALUE, vk.blinding(), ap, f, in, cp, g));
    out.add(forge("k = 0", vk, 0, 0, ap, f, in, cp, g));
    out.add(forge("k = 24, blinding 2^24 - 2", vk, 24, (1 << 24) - 2, ap, f, in, cp, g));
    out.add(forge("k = 28, blinding 2^28 - 2", vk, 28, (1 << 28) - 2, ap, f, in, cp, g));
    out.add(forge("blinding 65", vk, vk.k(), KeyLimits.MAX_BLINDING + 1, ap, f, in, cp, g));
    out.add(forge("blinding 2^32 - 1", vk, vk.k(), -1, ap, f, in, cp, g));
    out.add(forge("2^31 - 1 instance columns", vk, vk.k(), vk.blinding(), ap, f, Integer.MAX_VALUE, cp, g));
    out.add(forge("2^31 - 1 fixed columns", vk, vk.k(), vk.blinding(), ap, Integer.MAX_VALUE, in, cp, g));
    out.add(forge("70,000 advice columns", vk, vk.k(), vk.blinding(), new int[70_000], f, in, cp, g));
    int[] farPhase = ap.clone();
    farPhase[farPhase.length - 1] = 1 << 30;
    out.add(forge("an advice column in phase 2^30", vk, vk.k(), vk.blinding(), farPhase, f, in, cp, g));
    out.add(forge("300 challenges", vk, vk.k(), vk.blinding(), ap, f, in, new int[300], g));
    out.add(forge("a challenge in phase 2^31 - 1", vk, vk.k(), vk.blinding(), ap, f, in,
        new int[] {Integer.MAX_VALUE}, g));
    return out;
  }

  /** The bundle with slice 0's key (and key digest, and model digest) replaced. */
  static byte[] inSlice0(ProofBundle b, Key key) {
    List<ProofBundle.Slice> slices = new ArrayList<>(b.slices());
    ProofBundle.Slice s = slices.get(0);
    slices.set(0, new ProofBundle.Slice(s.id(), s.nodes(), key.bytes(), key.digest(), s.layout(), s.instance(),
        s.proof(), s.rows()));
    return Bundles.forged(b, slices);
  }
}

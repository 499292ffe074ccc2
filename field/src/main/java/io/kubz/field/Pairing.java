package io.kubz.field;

/**
 * The optimal ate pairing e: G1 × G2 → GT ⊂ Fq12* of BN254, e(P, Q) = f_{6x+2,Q}(P)·(lines through
 * π(Q), −π²(Q))^((q¹² − 1)/r), bilinear and non-degenerate; see {@link MillerLoop} and {@link
 * FinalExp}. A pair with a point at infinity contributes 1. Inputs are assumed to lie in G1 and G2
 * (the EVM decoders check membership; {@link G2#of} checks only the curve equation).
 */
public final class Pairing {
  private Pairing() {}

  private static final class Engine {
    final Fq12Ops ops = new Fq12Ops();
    final MillerLoop loop = new MillerLoop(ops);
    final FinalExp exp = new FinalExp(ops);
  }

  private static final ThreadLocal<Engine> ENGINE = ThreadLocal.withInitial(Engine::new);

  /** e(P, Q). */
  public static Fq12 pair(G1 p, G2 q) {
    return multiPair(new G1[] {p}, new G2[] {q});
  }

  /** Π e(Pᵢ, Qᵢ) with one shared Miller loop and one final exponentiation. */
  public static Fq12 multiPair(G1[] ps, G2[] qs) {
    Engine e = ENGINE.get();
    long[] f = new long[Fq12Ops.N];
    millerLoop(e, f, ps, qs);
    e.exp.run(f, 0, f, 0);
    return Fq12.readFrom(f, 0);
  }

  /** Whether Π e(Pᵢ, Qᵢ) = 1 (the EIP-197 check, and KZG's). An empty product is 1. */
  public static boolean check(G1[] ps, G2[] qs) {
    return multiPair(ps, qs).isOne();
  }

  /** Precomputes the Miller-loop lines of q, for repeated pairings against the same q. */
  public static G2Prepared prepare(G2 q) {
    if (q.isInfinity()) {
      return new G2Prepared(q, null);
    }
    long[] lines = new long[MillerLoop.LINES * MillerLoop.LINE];
    ENGINE.get().loop.prepare(lines, 0, q.a, 0);
    return new G2Prepared(q, lines);
  }

  /** Π e(Pᵢ, Qᵢ) for prepared Qᵢ; equal to {@link #multiPair(G1[], G2[])} on the same points. */
  public static Fq12 multiPair(G1[] ps, G2Prepared[] qs) {
    if (ps.length != qs.length) {
      throw new IllegalArgumentException(
          "pairing needs as many G1 as G2 points, got " + ps.length + " and " + qs.length);
    }
    Engine e = ENGINE.get();
    long[] pa = new long[8 * ps.length];
    long[][] lines = new long[ps.length][];
    int n = 0;
    for (int i = 0; i < ps.length; i++) {
      if (ps[i].isInfinity() || qs[i].lines == null) {
        continue;
      }
      ps[i].writeAffine(pa, 8 * n);
      lines[n++] = qs[i].lines;
    }
    long[] f = new long[Fq12Ops.N];
    if (n == 0) {
      Fq12Ops.setOne(f, 0);
    } else {
      e.loop.runPrepared(f, 0, pa, lines, n);
    }
    e.exp.run(f, 0, f, 0);
    return Fq12.readFrom(f, 0);
  }

  /** Whether Π e(Pᵢ, Qᵢ) = 1 for prepared Qᵢ. */
  public static boolean check(G1[] ps, G2Prepared[] qs) {
    return multiPair(ps, qs).isOne();
  }

  /** The product of the Miller loops alone (before the final exponentiation); for benchmarks and tests. */
  public static Fq12 millerLoop(G1[] ps, G2[] qs) {
    long[] f = new long[Fq12Ops.N];
    millerLoop(ENGINE.get(), f, ps, qs);
    return Fq12.readFrom(f, 0);
  }

  /** f^((q¹² − 1)/r); ArithmeticException on zero. */
  public static Fq12 finalExponentiation(Fq12 f) {
    if (f.isZero()) {
      throw new ArithmeticException("final exponentiation of zero");
    }
    long[] z = new long[Fq12Ops.N];
    ENGINE.get().exp.run(z, 0, f.l, 0);
    return Fq12.readFrom(z, 0);
  }

  private static void millerLoop(Engine e, long[] f, G1[] ps, G2[] qs) {
    if (ps.length != qs.length) {
      throw new IllegalArgumentException(
          "pairing needs as many G1 as G2 points, got " + ps.length + " and " + qs.length);
    }
    long[] pa = new long[8 * ps.length];
    long[] qa = new long[16 * ps.length];
    int n = 0;
    for (int i = 0; i < ps.length; i++) {
      if (ps[i].isInfinity() || qs[i].isInfinity()) {
        continue;
      }
      ps[i].writeAffine(pa, 8 * n);
      qs[i].writeAffine(qa, 16 * n);
      n++;
    }
    if (n == 0) {
      Fq12Ops.setOne(f, 0);
      return;
    }
    e.loop.run(f, 0, pa, qa, n);
  }
}

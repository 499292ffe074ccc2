package io.kubz.field;

/**
 * Allocation-free kernels on the twist E': y² = x³ + b' over Fq2 (b' = 3/ξ). Affine points are 16
 * longs (x then y, Fq2 each; all zero = infinity); Jacobian points are 24 longs (X, Y, Z with
 * x = X/Z², y = Y/Z³; Z = 0 = infinity). Formulas for a = 0 from the Explicit-Formulas Database
 * (dbl-2009-l, add-2007-bl, madd-2007-bl), with the exceptional cases (P = ±Q, infinities) handled.
 * One instance per thread (it owns scratch); outputs may alias inputs.
 */
final class G2Ops {
  static final int AFFINE = 16;
  static final int JACOBIAN = 24;
  /** One instance per thread for the static kernels of {@link G2}. */
  static final ThreadLocal<G2Ops> LOCAL = ThreadLocal.withInitial(() -> new G2Ops(new Fq2Ops()));
  final Fq2Ops f2;
  private final long[] t = new long[112];

  G2Ops(Fq2Ops f2) {
    this.f2 = f2;
  }

  static boolean isInfinityJ(long[] p, int po) {
    return Fq2Ops.isZero(p, po + 16);
  }

  static boolean isInfinityAffine(long[] a, int ao) {
    return Fq2Ops.isZero(a, ao) && Fq2Ops.isZero(a, ao + 8);
  }

  static void setInfinityJ(long[] z, int zo) {
    Fq2Ops.setOne(z, zo);
    Fq2Ops.setOne(z, zo + 8);
    Fq2Ops.setZero(z, zo + 16);
  }

  /** Jacobian from affine (infinity maps to Z = 0). */
  static void fromAffine(long[] z, int zo, long[] a, int ao) {
    if (isInfinityAffine(a, ao)) {
      setInfinityJ(z, zo);
      return;
    }
    Fq2Ops.copy(z, zo, a, ao);
    Fq2Ops.copy(z, zo + 8, a, ao + 8);
    Fq2Ops.setOne(z, zo + 16);
  }

  /** y² = x³ + b' for an affine point; infinity counts as on the curve. */
  boolean isOnCurve(long[] a, int ao) {
    if (isInfinityAffine(a, ao)) {
      return true;
    }
    long[] t = this.t;
    f2.square(t, 0, a, ao);
    f2.mul(t, 0, t, 0, a, ao);
    Fq2Ops.add(t, 0, t, 0, TowerConstants.TWIST_B, 0);
    f2.square(t, 8, a, ao + 8);
    return Fq2Ops.equal(t, 0, t, 8);
  }

  /** dbl-2009-l: A = X², B = Y², C = B², D = 2((X + B)² − A − C), E = 3A, X3 = E² − 2D, Y3 = E(D − X3) − 8C, Z3 = 2YZ. */
  void dbl(long[] z, int zo, long[] p, int po) {
    long[] t = this.t;
    Fq2Ops f2 = this.f2;
    f2.square(t, 0, p, po); // A
    f2.square(t, 8, p, po + 8); // B
    f2.square(t, 16, t, 8); // C
    Fq2Ops.add(t, 24, p, po, t, 8);
    f2.square(t, 24, t, 24);
    Fq2Ops.sub(t, 24, t, 24, t, 0);
    Fq2Ops.sub(t, 24, t, 24, t, 16);
    Fq2Ops.dbl(t, 24, t, 24); // D
    Fq2Ops.dbl(t, 32, t, 0);
    Fq2Ops.add(t, 32, t, 32, t, 0); // E
    f2.square(t, 40, t, 32); // F
    f2.mul(z, zo + 16, p, po + 8, p, po + 16);
    Fq2Ops.dbl(z, zo + 16, z, zo + 16); // Z3 (reads Y, Z before X, Y are written)
    Fq2Ops.dbl(t, 48, t, 24);
    Fq2Ops.sub(z, zo, t, 40, t, 48); // X3
    Fq2Ops.sub(t, 24, t, 24, z, zo);
    f2.mul(t, 24, t, 24, t, 32);
    Fq2Ops.dbl(t, 16, t, 16);
    Fq2Ops.dbl(t, 16, t, 16);
    Fq2Ops.dbl(t, 16, t, 16);
    Fq2Ops.sub(z, zo + 8, t, 24, t, 16); // Y3
  }

  /** add-2007-bl; P + P falls back to doubling, P − P gives infinity. */
  void add(long[] z, int zo, long[] p, int po, long[] q, int qo) {
    if (isInfinityJ(p, po)) {
      System.arraycopy(q, qo, z, zo, JACOBIAN);
      return;
    }
    if (isInfinityJ(q, qo)) {
      System.arraycopy(p, po, z, zo, JACOBIAN);
      return;
    }
    long[] t = this.t;
    Fq2Ops f2 = this.f2;
    f2.square(t, 0, p, po + 16); // Z1Z1
    f2.square(t, 8, q, qo + 16); // Z2Z2
    f2.mul(t, 16, p, po, t, 8); // U1
    f2.mul(t, 24, q, qo, t, 0); // U2
    f2.mul(t, 32, p, po + 8, q, qo + 16);
    f2.mul(t, 32, t, 32, t, 8); // S1
    f2.mul(t, 40, q, qo + 8, p, po + 16);
    f2.mul(t, 40, t, 40, t, 0); // S2
    Fq2Ops.sub(t, 24, t, 24, t, 16); // H
    Fq2Ops.sub(t, 40, t, 40, t, 32);
    Fq2Ops.dbl(t, 40, t, 40); // r
    if (Fq2Ops.isZero(t, 24)) {
      if (Fq2Ops.isZero(t, 40)) {
        dbl(z, zo, p, po);
      } else {
        setInfinityJ(z, zo);
      }
      return;
    }
    Fq2Ops.dbl(t, 48, t, 24);
    f2.square(t, 48, t, 48); // I
    f2.mul(t, 56, t, 24, t, 48); // J
    f2.mul(t, 64, t, 16, t, 48); // V
    // Z3 = ((Z1 + Z2)² − Z1Z1 − Z2Z2)·H, computed before P and Q may be overwritten
    Fq2Ops.add(t, 72, p, po + 16, q, qo + 16);
    f2.square(t, 72, t, 72);
    Fq2Ops.sub(t, 72, t, 72, t, 0);
    Fq2Ops.sub(t, 72, t, 72, t, 8);
    f2.mul(z, zo + 16, t, 72, t, 24);
    // X3 = r² − J − 2V
    f2.square(t, 80, t, 40);
    Fq2Ops.sub(t, 80, t, 80, t, 56);
    Fq2Ops.sub(t, 80, t, 80, t, 64);
    Fq2Ops.sub(z, zo, t, 80, t, 64);
    // Y3 = r(V − X3) − 2·S1·J
    Fq2Ops.sub(t, 64, t, 64, z, zo);
    f2.mul(t, 64, t, 64, t, 40);
    f2.mul(t, 32, t, 32, t, 56);
    Fq2Ops.dbl(t, 32, t, 32);
    Fq2Ops.sub(z, zo + 8, t, 64, t, 32);
  }

  /** madd-2007-bl: P Jacobian plus Q affine (16 longs); exceptional cases as in {@link #add}. */
  void addMixed(long[] z, int zo, long[] p, int po, long[] q, int qo) {
    if (isInfinityAffine(q, qo)) {
      System.arraycopy(p, po, z, zo, JACOBIAN);
      return;
    }
    if (isInfinityJ(p, po)) {
      fromAffine(z, zo, q, qo);
      return;
    }
    long[] t = this.t;
    Fq2Ops f2 = this.f2;
    f2.square(t, 0, p, po + 16); // Z1Z1
    f2.mul(t, 8, q, qo, t, 0); // U2
    f2.mul(t, 16, q, qo + 8, p, po + 16);
    f2.mul(t, 16, t, 16, t, 0); // S2
    Fq2Ops.sub(t, 8, t, 8, p, po); // H
    Fq2Ops.sub(t, 16, t, 16, p, po + 8);
    Fq2Ops.dbl(t, 16, t, 16); // r
    if (Fq2Ops.isZero(t, 8)) {
      if (Fq2Ops.isZero(t, 16)) {
        dbl(z, zo, p, po);
      } else {
        setInfinityJ(z, zo);
      }
      return;
    }
    f2.square(t, 24, t, 8); // HH
    Fq2Ops.dbl(t, 32, t, 24);
    Fq2Ops.dbl(t, 32, t, 32); // I
    f2.mul(t, 40, t, 8, t, 32); // J
    f2.mul(t, 48, p, po, t, 32); // V
    f2.mul(t, 56, p, po + 8, t, 40);
    Fq2Ops.dbl(t, 56, t, 56); // 2·Y1·J
    // Z3 = (Z1 + H)² − Z1Z1 − HH
    Fq2Ops.add(t, 64, p, po + 16, t, 8);
    f2.square(t, 64, t, 64);
    Fq2Ops.sub(t, 64, t, 64, t, 0);
    Fq2Ops.sub(z, zo + 16, t, 64, t, 24);
    // X3 = r² − J − 2V
    f2.square(t, 72, t, 16);
    Fq2Ops.sub(t, 72, t, 72, t, 40);
    Fq2Ops.sub(t, 72, t, 72, t, 48);
    Fq2Ops.sub(z, zo, t, 72, t, 48);
    // Y3 = r(V − X3) − 2·Y1·J
    Fq2Ops.sub(t, 48, t, 48, z, zo);
    f2.mul(t, 48, t, 48, t, 16);
    Fq2Ops.sub(z, zo + 8, t, 48, t, 56);
  }

  /** Affine from Jacobian (infinity maps to all zero). */
  void toAffine(long[] z, int zo, long[] p, int po) {
    if (isInfinityJ(p, po)) {
      java.util.Arrays.fill(z, zo, zo + AFFINE, 0L);
      return;
    }
    long[] t = this.t;
    f2.inverse(t, 0, p, po + 16);
    f2.square(t, 8, t, 0);
    f2.mul(t, 0, t, 0, t, 8);
    f2.mul(t, 16, p, po + 8, t, 0);
    f2.mul(z, zo, p, po, t, 8);
    Fq2Ops.copy(z, zo + 8, t, 16);
  }

  /** −P for a Jacobian point. */
  static void negJ(long[] z, int zo, long[] p, int po) {
    Fq2Ops.copy(z, zo, p, po);
    Fq2Ops.neg(z, zo + 8, p, po + 8);
    Fq2Ops.copy(z, zo + 16, p, po + 16);
  }

  /** Whether two Jacobian points are equal: X1Z2² = X2Z1² and Y1Z2³ = Y2Z1³. */
  boolean equalJ(long[] p, int po, long[] q, int qo) {
    boolean pi = isInfinityJ(p, po);
    boolean qi = isInfinityJ(q, qo);
    if (pi || qi) {
      return pi && qi;
    }
    long[] t = this.t;
    f2.square(t, 0, p, po + 16);
    f2.square(t, 8, q, qo + 16);
    f2.mul(t, 16, p, po, t, 8);
    f2.mul(t, 24, q, qo, t, 0);
    if (!Fq2Ops.equal(t, 16, t, 24)) {
      return false;
    }
    f2.mul(t, 0, t, 0, p, po + 16);
    f2.mul(t, 8, t, 8, q, qo + 16);
    f2.mul(t, 16, p, po + 8, t, 8);
    f2.mul(t, 24, q, qo + 8, t, 0);
    return Fq2Ops.equal(t, 16, t, 24);
  }

  /** z = k·P for P affine (16 longs), k ≥ 0, into Jacobian z (24 longs); left-to-right double-and-add. */
  void mul(long[] z, int zo, long[] a, int ao, java.math.BigInteger k) {
    long[] acc = new long[JACOBIAN];
    long[] base = java.util.Arrays.copyOfRange(a, ao, ao + AFFINE);
    setInfinityJ(acc, 0);
    for (int i = k.bitLength() - 1; i >= 0; i--) {
      dbl(acc, 0, acc, 0);
      if (k.testBit(i)) {
        addMixed(acc, 0, acc, 0, base, 0);
      }
    }
    System.arraycopy(acc, 0, z, zo, JACOBIAN);
  }

  /**
   * Affine from n consecutive Jacobian points with one inversion (Montgomery's trick over the Z's);
   * infinities map to all zero. aff must not overlap jac.
   */
  void batchToAffine(long[] jac, int jo, long[] aff, int ao, int n) {
    long[] prefix = new long[8 * (n + 1)];
    Fq2Ops.setOne(prefix, 0);
    for (int i = 0; i < n; i++) {
      int zOff = jo + i * JACOBIAN + 16;
      if (Fq2Ops.isZero(jac, zOff)) {
        Fq2Ops.copy(prefix, 8 * (i + 1), prefix, 8 * i);
      } else {
        f2.mul(prefix, 8 * (i + 1), prefix, 8 * i, jac, zOff);
      }
    }
    long[] inv = new long[8];
    long[] zi = new long[8];
    f2.inverse(inv, 0, prefix, 8 * n);
    for (int i = n - 1; i >= 0; i--) {
      int p = jo + i * JACOBIAN;
      int o = ao + i * AFFINE;
      if (Fq2Ops.isZero(jac, p + 16)) {
        java.util.Arrays.fill(aff, o, o + AFFINE, 0L);
        continue;
      }
      f2.mul(zi, 0, inv, 0, prefix, 8 * i); // 1/Z_i
      f2.mul(inv, 0, inv, 0, jac, p + 16);
      long[] t = this.t;
      f2.square(t, 0, zi, 0);
      f2.mul(aff, o, jac, p, t, 0);
      f2.mul(t, 0, t, 0, zi, 0);
      f2.mul(aff, o + 8, jac, p + 8, t, 0);
    }
  }

  /**
   * ψ^k(P) for a Jacobian P, k in 1..3, where ψ = untwist⁻¹ ∘ π ∘ untwist is the q-power Frobenius
   * carried to the twist: ψ^k(x, y) = (x^(q^k)·γ[k][2], y^(q^k)·γ[k][3]); on Jacobian coordinates the
   * conjugation (for odd k) also applies to Z.
   */
  void psi(long[] z, int zo, long[] p, int po, int k) {
    if ((k & 1) == 1) {
      Fq2Ops.conjugate(z, zo, p, po);
      Fq2Ops.conjugate(z, zo + 8, p, po + 8);
      Fq2Ops.conjugate(z, zo + 16, p, po + 16);
    } else {
      System.arraycopy(p, po, z, zo, JACOBIAN);
    }
    f2.mul(z, zo, z, zo, TowerConstants.FROBENIUS[k][2], 0);
    f2.mul(z, zo + 8, z, zo + 8, TowerConstants.FROBENIUS[k][3], 0);
  }

  /**
   * Membership in G2 for an affine point already on the twist, by the test of El Housni, Guillevic,
   * Piellard, "Co-factor clearing and subgroup membership testing on pairing-friendly curves"
   * (Africacrypt 2022, §3 and §5.1): P ∈ G2 iff [x + 1]P + ψ([x]P) + ψ²([x]P) = ψ³([2x]P). On G2, ψ
   * acts as [q] and (x + 1) + q·x + q²·x − 2q³·x ≡ 0 (mod r) (checked in the tests). A 63-bit scalar
   * multiplication instead of the 254-bit r·P.
   */
  boolean inSubgroup(long[] a, int ao) {
    if (isInfinityAffine(a, ao)) {
      return true;
    }
    long[] xp = new long[JACOBIAN];
    long[] lhs = new long[JACOBIAN];
    long[] u = new long[JACOBIAN];
    mul(xp, 0, a, ao, MillerLoop.X);
    addMixed(lhs, 0, xp, 0, a, ao);
    psi(u, 0, xp, 0, 1);
    add(lhs, 0, lhs, 0, u, 0);
    psi(u, 0, xp, 0, 2);
    add(lhs, 0, lhs, 0, u, 0);
    dbl(xp, 0, xp, 0);
    psi(u, 0, xp, 0, 3);
    return equalJ(lhs, 0, u, 0);
  }
}

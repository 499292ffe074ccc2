package io.kubz.poly.srs;

import io.kubz.field.Fr;
import io.kubz.field.G1;
import io.kubz.field.G2;
import io.kubz.field.Parallel;
import io.kubz.poly.ntt.Domain;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A KZG structured reference string: {@code size()} powers [τ^i]_1 as flat affine points (8 longs
 * each, Montgomery Fq), and [1]_2, [τ]_2, and when known (a dev SRS, a ceremony file) also
 * [τ²]_2 and [τ³]_2, which a KZG opening at three points with one quotient needs (its verifier
 * forms [Z_S(τ)]_2 for a cubic Z_S). The arrays are shared, never copied: do not write them.
 */
public final class Srs {
  /**
   * The largest SRS held in memory: 2^27 points × 8 longs fills a Java array (2^30 longs, 8 GiB);
   * a 2^28 ceremony file is still usable, only its first 2^27 powers can be taken.
   */
  public static final int MAX_LOG2 = 27;

  private final long[] g1;
  private final int size;
  private final G2 g2;
  private final G2 tauG2;
  /** [τ²]_2 and [τ³]_2, or null when the source did not give them. */
  private final G2[] higherG2;
  private final String source;
  /** τ itself, known only for a dev SRS: it lets {@link #lagrange} be computed directly. */
  private final Fr tau;
  /** Where Lagrange bases of a ceremony SRS come from (a prepared ptau file, a cache entry). */
  private final LagrangeSource lagrangeSource;
  private final Map<Integer, long[]> lagrange;

  /**
   * Loads and checks the Lagrange basis [L_i(τ)]_1 of the size-2^log2n domain for an SRS of the
   * same τ: returns null when the source has none; throws {@code BadInputException} when the
   * points are not that basis.
   */
  @FunctionalInterface
  interface LagrangeSource {
    long[] load(Srs srs, int log2n);
  }

  /** Takes ownership of {@code g1Powers} (at least 8·size longs). */
  public Srs(long[] g1Powers, int size, G2 g2, G2 tauG2, String source) {
    this(g1Powers, size, g2, tauG2, null, source, null, null, new ConcurrentHashMap<>());
  }

  /** A ceremony SRS whose Lagrange bases come from {@code lagrangeSource} (loaded once per size). */
  Srs(long[] g1Powers, int size, G2 g2, G2 tauG2, String source, LagrangeSource lagrangeSource) {
    this(g1Powers, size, g2, tauG2, null, source, null, lagrangeSource, new ConcurrentHashMap<>());
  }

  private Srs(long[] g1Powers, int size, G2 g2, G2 tauG2, G2[] higherG2, String source, Fr tau,
      LagrangeSource lagrangeSource, Map<Integer, long[]> lagrange) {
    if (g1Powers.length < (long) G1.AFFINE_LONGS * size) {
      throw new IllegalArgumentException("need " + size + " points, array holds "
          + g1Powers.length / G1.AFFINE_LONGS);
    }
    this.g1 = g1Powers;
    this.size = size;
    this.g2 = g2;
    this.tauG2 = tauG2;
    this.higherG2 = higherG2;
    this.source = source;
    this.tau = tau;
    this.lagrangeSource = tau != null ? (self, k) -> self.lagrangeBasis(k) : lagrangeSource;
    this.lagrange = lagrange;
  }

  /**
   * An insecure SRS of 2^log2n powers with τ derived from {@code seed} (SHA-256 of the seed, mod r).
   * Prints a warning to stderr: whoever knows the seed can forge proofs.
   */
  public static Srs dev(int log2n, long seed) {
    return devWithTau(log2n, tauFromSeed(seed), "dev SRS (seed " + seed + ")");
  }

  /** An insecure SRS for a known τ (tests). Prints the same warning. */
  public static Srs devWithTau(int log2n, Fr tau, String source) {
    if (log2n < 0 || log2n > MAX_LOG2) {
      throw new IllegalArgumentException("SRS size 2^" + log2n + " outside 2^0..2^" + MAX_LOG2);
    }
    warnInsecure(source, log2n);
    int n = 1 << log2n;
    return devFromPowers(FixedBase.g1(Domain.powers(tau, n), n), n, tau, source);
  }

  static void warnInsecure(String source, int log2n) {
    System.err.println("WARNING: using an INSECURE development SRS (" + source + ", 2^" + log2n
        + " powers): its secret τ is known, so proofs made with it prove nothing. "
        + "Use a ceremony .ptau file for real proofs.");
  }

  /**
   * The dev SRS of {@code tau} whose n G1 powers were computed before (a cache entry written from
   * {@link #dev}); the G2 powers are recomputed from τ. No warning: the caller printed it.
   */
  static Srs devFromPowers(long[] points, int n, Fr tau, String source) {
    G2 tauG2 = G2.generator().mul(tau);
    G2 tau2G2 = tauG2.mul(tau);
    return new Srs(points, n, G2.generator(), tauG2, new G2[] {tau2G2, tau2G2.mul(tau)}, source,
        tau, null, new ConcurrentHashMap<>());
  }

  static Fr tauFromSeed(long seed) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] label = "kubz-dev-srs".getBytes(StandardCharsets.US_ASCII);
      byte[] h = sha.digest(ByteBuffer.allocate(label.length + 8).put(label).putLong(seed).array());
      return Fr.of(new BigInteger(1, h));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Number of G1 powers. */
  public int size() {
    return size;
  }

  /** [τ^i]_1 flat affine (shared, read only). */
  public long[] g1Powers() {
    return g1;
  }

  public G1 g1(int i) {
    return G1.readAffine(g1, G1.AFFINE_LONGS * i);
  }

  /** [1]_2. */
  public G2 g2() {
    return g2;
  }

  /** [τ]_2. */
  public G2 tauG2() {
    return tauG2;
  }

  /** How many powers [τ^k]_2 are held: 4 (k ≤ 3) when [τ²]_2 and [τ³]_2 are known, else 2. */
  public int g2PowerCount() {
    return higherG2 == null ? 2 : 4;
  }

  /** [τ^k]_2 for k &lt; {@link #g2PowerCount()}. */
  public G2 g2Power(int k) {
    if (k < 0 || k >= g2PowerCount()) {
      throw new IllegalArgumentException("[τ^" + k + "]_2 is not held by the SRS (" + source
          + "), which has " + g2PowerCount() + " G2 powers");
    }
    return k == 0 ? g2 : k == 1 ? tauG2 : higherG2[k - 2];
  }

  /**
   * The same SRS (sharing its powers, Lagrange bases and sources) with [τ²]_2 and [τ³]_2 added.
   * Does not check them: see {@link SrsCheck#g2Powers(Srs)}.
   */
  public Srs withHigherG2(G2 tau2G2, G2 tau3G2) {
    return new Srs(g1, size, g2, tauG2, new G2[] {tau2G2, tau3G2}, source, tau, lagrangeSource,
        lagrange);
  }

  /**
   * Whether τ is known (a development SRS from {@link #dev} or {@link #devWithTau}): anyone who
   * knows τ can forge KZG openings, so a proof made with such an SRS proves nothing.
   */
  public boolean insecure() {
    return tau != null;
  }

  /** Where it came from (file or "dev SRS …"), for messages. */
  public String source() {
    return source;
  }

  /**
   * The first {@code n} powers (no copy when n equals the size); the Lagrange bases of sizes up to
   * n stay available (they depend on τ only), those already loaded are shared.
   */
  public Srs trim(int n) {
    if (n > size) {
      throw new IllegalArgumentException("cannot trim " + size + " powers to " + n);
    }
    if (n == size) {
      return this;
    }
    Map<Integer, long[]> kept = new ConcurrentHashMap<>();
    lagrange.forEach((k, basis) -> {
      if ((1L << k) <= n) {
        kept.put(k, basis);
      }
    });
    return new Srs(Arrays.copyOf(g1, G1.AFFINE_LONGS * n), n, g2, tauG2, higherG2, source, tau,
        lagrangeSource, kept);
  }

  /**
   * The Lagrange basis [L_i(τ)]_1, i &lt; 2^log2n, of the NTT domain of that size (flat affine,
   * shared, read only), for 2^log2n ≤ size. Σ_i e_i·[L_i(τ)]_1 is the commitment of the polynomial
   * with evaluations e on the domain, the same point as committing its coefficients against the
   * powers, but the multi-scalar multiplication is much cheaper when most e_i are zero or small
   * (selectors, bits, limbs). Known for a dev SRS (computed from τ: L_i(τ) =
   * ω^i·(τ^n − 1)/(n·(τ − ω^i)), the (τ − ω^i) inverted in one batch) and for a ceremony file
   * prepared for phase 2 (read from it and checked against the powers, see {@link PtauReader});
   * empty for a raw ceremony file. Loaded once per size; a prepared file whose basis fails its
   * check throws {@code BadInputException}.
   */
  public Optional<long[]> lagrange(int log2n) {
    if (lagrangeSource == null || log2n < 0 || (1L << log2n) > size) {
      return Optional.empty();
    }
    return Optional.ofNullable(lagrange.computeIfAbsent(log2n,
        k -> lagrangeSource.load(this, k)));
  }

  /** The basis from the source without keeping it (to copy it elsewhere, e.g. into a cache). */
  long[] loadLagrangeUnkept(int log2n) {
    long[] kept = lagrange.get(log2n);
    if (kept != null || lagrangeSource == null || (1L << log2n) > size) {
      return kept;
    }
    return lagrangeSource.load(this, log2n);
  }

  /** Whether {@link #lagrange} can give bases (a dev SRS or a prepared ceremony file). */
  public boolean hasLagrange() {
    return lagrangeSource != null;
  }

  private long[] lagrangeBasis(int log2n) {
    Domain d = Domain.of(log2n);
    int n = d.size();
    long[] s = new long[4 * n];
    long[] t = new long[4];
    tau.writeTo(t, 0);
    long[] wi = Domain.powers(d.omega(), n); // ω^i
    for (int i = 0; i < n; i++) {
      Fr.sub(s, 4 * i, t, 0, wi, 4 * i);
      if (Fr.readFrom(s, 4 * i).isZero()) {
        return null; // τ in the domain: never for a random τ; commit coefficients instead
      }
    }
    Fr.batchInverseParallel(s, 0, n);
    long[] c = new long[4];
    tau.pow(n).sub(Fr.ONE).mul(Fr.of(n).inverse()).writeTo(c, 0);
    Parallel.forRange(0, n, 1 << 12, (from, to) -> {
      for (int i = from; i < to; i++) {
        Fr.mul(s, 4 * i, s, 4 * i, wi, 4 * i);
        Fr.mul(s, 4 * i, s, 4 * i, c, 0);
      }
    });
    return FixedBase.g1(s, n);
  }
}

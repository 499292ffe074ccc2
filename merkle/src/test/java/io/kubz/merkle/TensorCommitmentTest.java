package io.kubz.merkle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kubz.field.BadInputException;
import io.kubz.field.Fr;
import io.kubz.field.Parallel;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TensorCommitmentTest {
  private static final int L = TensorCommitment.CHUNK;

  private static long[] tensor(Random rnd, int n) {
    long[] v = new long[4 * n];
    for (int i = 0; i < n; i++) {
      Fr.random(rnd).writeTo(v, 4 * i);
    }
    return v;
  }

  private static Fr[] slice(long[] v, int from, int to) {
    Fr[] out = new Fr[to - from];
    for (int i = from; i < to; i++) {
      out[i - from] = Fr.readFrom(v, 4 * i);
    }
    return out;
  }

  /** The construction of package-info.java, composed from the sponge one step at a time. */
  private static Fr naive(Fr salt, long[] v, int n) {
    if (n <= L) {
      Fr[] in = new Fr[n + 1];
      in[0] = salt;
      System.arraycopy(slice(v, 0, n), 0, in, 1, n);
      return PoseidonSponge.hash(TensorCommitment.DOMAIN_TENSOR, in);
    }
    List<Fr> combine = new ArrayList<>();
    combine.add(salt);
    for (int i = 0; i * L < n; i++) {
      combine.add(PoseidonSponge.hash(TensorCommitment.DOMAIN_CHUNK + i, slice(v, i * L, Math.min(n, (i + 1) * L))));
    }
    return PoseidonSponge.hash(TensorCommitment.DOMAIN_COMBINE, combine.toArray(new Fr[0]));
  }

  @Test
  void smallTensorIsTheSpongeOfSaltThenValues() {
    Random rnd = new Random(1);
    Fr salt = Fr.random(rnd);
    for (int n : new int[] {0, 1, 3, 4, 7}) {
      long[] v = tensor(rnd, n);
      BigInteger[] in = new BigInteger[n + 1];
      in[0] = salt.toBigInteger();
      for (int i = 0; i < n; i++) {
        in[i + 1] = Fr.toBigInteger(v, 4 * i);
      }
      assertEquals(BigPoseidon.sponge(TensorCommitment.DOMAIN_TENSOR, in),
          TensorCommitment.commit(salt, v, n).toBigInteger(), "n = " + n);
    }
  }

  @Test
  void chunkBoundariesFollowTheSpecifiedConstruction() {
    Random rnd = new Random(2);
    Fr salt = Fr.random(rnd);
    long[] v = tensor(rnd, 2 * L + 5);
    for (int n : new int[] {L, L + 1, 2 * L, 2 * L + 5}) {
      assertEquals(naive(salt, v, n), TensorCommitment.commit(salt, v, n), "n = " + n);
    }
  }

  @Test
  void saltAndEveryValueMatter() {
    Random rnd = new Random(3);
    int n = L + 9;
    long[] v = tensor(rnd, n);
    Fr salt = Fr.random(rnd);
    Fr c = TensorCommitment.commit(salt, v, n);
    assertNotEquals(c, TensorCommitment.commit(salt.add(Fr.ONE), v, n));
    for (int i : new int[] {0, L - 1, L, n - 1}) {
      long[] w = v.clone();
      Fr.readFrom(v, 4 * i).add(Fr.ONE).writeTo(w, 4 * i);
      assertNotEquals(c, TensorCommitment.commit(salt, w, n), "value " + i);
    }
    assertNotEquals(c, TensorCommitment.commit(salt, v, n - 1));
  }

  @Test
  void badInputIsRejectedClearly() {
    long[] v = new long[8];
    v[7] = -1; // limbs above r
    assertThrows(BadInputException.class, () -> TensorCommitment.commit(Fr.ONE, v, 2));
    long[] badSalt = {0, 0, 0, -1};
    assertThrows(BadInputException.class, () -> TensorCommitment.commit(new long[4], 0, badSalt, 0, new long[4], 0, 1));
    assertThrows(IllegalArgumentException.class, () -> TensorCommitment.commit(Fr.ONE, new long[8], 3));
    assertThrows(IllegalArgumentException.class, () -> TensorCommitment.commit(Fr.ONE, new long[8], -1));
  }

  /** The chunks are hashed on a pool; the result must not depend on how many threads it has. */
  @Test
  void resultDoesNotDependOnTheThreadCount() {
    Random rnd = new Random(4);
    int n = 3 * L + 17;
    long[] v = tensor(rnd, n);
    Fr salt = Fr.random(rnd);
    int before = Parallel.threads();
    try {
      Parallel.setThreads(1);
      Fr one = TensorCommitment.commit(salt, v, n);
      Parallel.setThreads(3);
      Fr three = TensorCommitment.commit(salt, v, n);
      assertEquals(one, three);
      assertEquals(naive(salt, v, n), three);
      MerkleTree t3 = MerkleTree.build(4, v, 0, 2000);
      Parallel.setThreads(1);
      assertEquals(MerkleTree.build(4, v, 0, 2000).root(), t3.root());
    } finally {
      Parallel.setThreads(before);
    }
  }
}

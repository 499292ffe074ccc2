package io.kubz.merkle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubz.field.BadInputException;
import io.kubz.field.Fr;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class MerkleTreeTest {

  private static List<Fr> leaves(Random rnd, int n) {
    List<Fr> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(Fr.random(rnd));
    }
    return out;
  }

  /** The root by the definition: pad with zeros to a^d, hash groups level by level. */
  private static Fr naiveRoot(int a, List<Fr> leaves) {
    List<Fr> level = new ArrayList<>(leaves);
    int full = 1;
    while (full < level.size()) {
      full *= a;
    }
    while (level.size() < full) {
      level.add(Fr.ZERO);
    }
    while (level.size() > 1) {
      List<Fr> up = new ArrayList<>();
      for (int i = 0; i < level.size(); i += a) {
        up.add(Poseidon.hash(level.subList(i, i + a).toArray(new Fr[0])));
      }
      level = up;
    }
    return level.get(0);
  }

  @Property(tries = 30)
  void rootMatchesDefinitionAndEveryPathVerifies(@ForAll @IntRange(min = 2, max = 16) int arity,
      @ForAll @IntRange(min = 1, max = 40) int n, @ForAll long seed) {
    List<Fr> l = leaves(new Random(seed), n);
    MerkleTree tree = MerkleTree.of(arity, l);
    assertEquals(naiveRoot(arity, l), tree.root());
    for (int i = 0; i < n; i++) {
      MerklePath p = tree.path(i);
      assertTrue(p.verify(tree.root(), l.get(i)), "leaf " + i);
      assertEquals(tree.depth(), p.depth());
    }
  }

  @Property(tries = 40)
  void tamperedPathsFail(@ForAll @IntRange(min = 2, max = 5) int arity, @ForAll @IntRange(min = 2, max = 70) int n,
      @ForAll long seed) {
    Random rnd = new Random(seed);
    List<Fr> l = leaves(rnd, n);
    MerkleTree tree = MerkleTree.of(arity, l);
    int index = rnd.nextInt(n);
    MerklePath p = tree.path(index);
    Fr root = tree.root();
    assertFalse(p.verify(root, l.get(index).add(Fr.ONE)), "flipped leaf");
    long[] sib = siblings(p);
    for (int s = 0; s < sib.length / 4; s++) {
      long[] bad = sib.clone();
      Fr.readFrom(bad, 4 * s).add(Fr.ONE).writeTo(bad, 4 * s);
      assertFalse(new MerklePath(arity, index, bad).verify(root, l.get(index)), "flipped sibling " + s);
    }
    for (long other = 0; other < (long) Math.pow(arity, p.depth()) + 2; other++) {
      if (other != index) {
        assertFalse(new MerklePath(arity, other, sib).verify(root, l.get(index)), "index " + other);
      }
    }
    assertFalse(p.verify(root.add(Fr.ONE), l.get(index)), "other root");
  }

  private static long[] siblings(MerklePath p) {
    long[] s = new long[4 * p.depth() * (p.arity() - 1)];
    for (int lv = 0; lv < p.depth(); lv++) {
      for (int k = 0; k < p.arity() - 1; k++) {
        p.sibling(lv, k).writeTo(s, 4 * (lv * (p.arity() - 1) + k));
      }
    }
    return s;
  }

  @Test
  void binaryTreeOfFourIsTheNestedHash() {
    Fr[] x = {Fr.of(1), Fr.of(2), Fr.of(3), Fr.of(4)};
    MerkleTree t = MerkleTree.of(2, Arrays.asList(x));
    assertEquals(Poseidon.hash(Poseidon.hash(x[0], x[1]), Poseidon.hash(x[2], x[3])), t.root());
    assertEquals(2, t.depth());
    MerkleTree one = MerkleTree.of(4, List.of(Fr.of(9)));
    assertEquals(Fr.of(9), one.root());
    assertTrue(one.path(0).verify(Fr.of(9), Fr.of(9)));
  }

  @Test
  void badInputIsRejectedClearly() {
    assertThrows(IllegalArgumentException.class, () -> MerkleTree.of(2, List.of()));
    assertThrows(IllegalArgumentException.class, () -> MerkleTree.of(1, List.of(Fr.ONE)));
    assertThrows(IllegalArgumentException.class, () -> MerkleTree.of(17, List.of(Fr.ONE)));
    MerkleTree t = MerkleTree.of(2, List.of(Fr.ONE, Fr.ZERO, Fr.ONE));
    assertThrows(IllegalArgumentException.class, () -> t.path(3));
    assertThrows(IllegalArgumentException.class, () -> t.path(-1));
    assertThrows(IllegalArgumentException.class, () -> t.leaf(3));
    long[] bad = {0, 0, 0, -1};
    assertThrows(BadInputException.class, () -> MerkleTree.build(2, bad, 0, 1));
    assertThrows(IllegalArgumentException.class, () -> new MerklePath(2, -1, new long[4]));
    assertThrows(IllegalArgumentException.class, () -> new MerklePath(3, 0, new long[4]));
    assertFalse(t.path(0).verify(null, Fr.ONE));
  }
}

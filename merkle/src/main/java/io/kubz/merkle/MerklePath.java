package io.kubz.merkle;

import io.kubz.field.Fr;

/**
 * An authentication path: for each level from the leaves up, the a − 1 siblings of the current
 * node in child order with the node itself left out; the node's position at level l is digit l of
 * the index in base a (least significant first). Verification recomputes the root with circomlib's
 * Poseidon and compares; it returns false, never throws, on any inconsistent path.
 */
public final class MerklePath {
  private static final int L = Fr.LIMBS;
  private final int arity;
  private final long index;
  private final long[] siblings;

  /**
   * @param siblings depth·(arity − 1) Montgomery elements, bottom level first (copied)
   */
  public MerklePath(int arity, long index, long[] siblings) {
    MerkleTree.checkArity(arity);
    if (index < 0) {
      throw new IllegalArgumentException("negative leaf index " + index);
    }
    if (siblings.length % (L * (arity - 1)) != 0) {
      throw new IllegalArgumentException("a path of arity " + arity + " holds a multiple of " + (arity - 1)
          + " siblings, got " + siblings.length / (double) L);
    }
    this.arity = arity;
    this.index = index;
    this.siblings = siblings.clone();
  }

  public int arity() {
    return arity;
  }

  public long index() {
    return index;
  }

  public int depth() {
    return siblings.length / (L * (arity - 1));
  }

  /** Sibling k (0..a−2, node left out) at level l. */
  public Fr sibling(int level, int k) {
    return Fr.readFrom(siblings, L * (level * (arity - 1) + k));
  }

  /** The root this path gives for {@code leaf}, or null if the index does not fit the depth. */
  public Fr computeRoot(Fr leaf) {
    int depth = depth();
    long pos = index;
    long[] node = new long[L];
    leaf.writeTo(node, 0);
    long[] group = new long[L * arity];
    int s = 0;
    for (int l = 0; l < depth; l++) {
      int me = (int) (pos % arity);
      for (int k = 0; k < arity; k++) {
        if (k == me) {
          Fr.copy(group, k * L, node, 0);
        } else {
          Fr.copy(group, k * L, siblings, s);
          s += L;
        }
      }
      Poseidon.hash(node, 0, group, 0, arity);
      pos /= arity;
    }
    return pos == 0 ? Fr.readFrom(node, 0) : null;
  }

  /** Whether this path takes {@code leaf} to {@code root}; false on null arguments too. */
  public boolean verify(Fr root, Fr leaf) {
    if (root == null || leaf == null) {
      return false;
    }
    return root.equals(computeRoot(leaf));
  }
}

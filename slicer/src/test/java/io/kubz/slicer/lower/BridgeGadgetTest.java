package io.kubz.slicer.lower;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubz.field.Fr;
import io.kubz.plonkish.builder.Circuit;
import io.kubz.plonkish.ir.Witness;
import io.kubz.plonkish.mock.MockProver;
import io.kubz.slicer.quant.QNode;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The bridge gadget (Bridge: y = Σ v_i·eq(i, r) over the cells a slice's Poseidon commitment of T
 * reads): against a BigInteger oracle, mock-proved with every read cell assigned, every assigned
 * cell pinned (mutation sweep), and a wrong r or y in the instance refused.
 */
class BridgeGadgetTest {
  private static final BigInteger P = Fr.MODULUS;

  /** eq(i, r) = Π_j (bit_j(i) ? r_j : 1 − r_j) with variable 0 the least significant bit, in BigInteger. */
  private static BigInteger naive(long[] v, BigInteger[] r) {
    BigInteger y = BigInteger.ZERO;
    for (int i = 0; i < v.length; i++) {
      BigInteger eq = BigInteger.ONE;
      for (int j = 0; j < r.length; j++) {
        eq = eq.multiply(((i >>> j) & 1) == 1 ? r[j] : BigInteger.ONE.subtract(r[j])).mod(P);
      }
      y = y.add(BigInteger.valueOf(v[i]).mod(P).multiply(eq)).mod(P);
    }
    return y;
  }

  @Property(tries = 60)
  void nativeEvaluationMatchesTheOracle(@ForAll @IntRange(min = 1, max = 70) int n, @ForAll long seed) {
    Random rnd = new Random(seed);
    long[] v = new long[n];
    for (int i = 0; i < n; i++) {
      v[i] = switch (i % 4) {
        case 0 -> rnd.nextInt(512) - 256;
        case 1 -> 0;
        case 2 -> -1;
        default -> rnd.nextLong();
      };
    }
    Fr[] r = new Fr[Bridge.vars(n)];
    BigInteger[] rb = new BigInteger[r.length];
    for (int j = 0; j < r.length; j++) {
      r[j] = j == 0 && n % 3 == 0 ? Fr.ONE.neg() : Fr.random(rnd); // p − 1 too
      rb[j] = r[j].toBigInteger();
    }
    assertEquals(naive(v, rb), Bridge.evaluate(v, r).toBigInteger());
    assertEquals(Math.max(1, 32 - Integer.numberOfLeadingZeros(n - 1)), r.length);
  }

  @Test
  void aBooleanPointSelectsOneValue() {
    long[] v = {5, -7, 11, 13, 17};
    for (int i = 0; i < v.length; i++) {
      Fr[] r = new Fr[Bridge.vars(v.length)];
      for (int j = 0; j < r.length; j++) {
        r[j] = ((i >>> j) & 1) == 1 ? Fr.ONE : Fr.ZERO;
      }
      assertEquals(Fr.of(v[i]), Bridge.evaluate(v, r));
    }
  }

  @Test
  void thePointDependsOnBothCommitmentsTheNameAndTheSize() {
    Fr c = Fr.of(7);
    byte[] ct = new byte[32];
    Fr[] r = Bridge.point(c, ct, "t", 6);
    assertEquals(3, r.length);
    byte[] ct2 = ct.clone();
    ct2[5] = 1;
    assertFalse(r[0].equals(Bridge.point(Fr.of(8), ct, "t", 6)[0]));
    assertFalse(r[0].equals(Bridge.point(c, ct2, "t", 6)[0]));
    assertFalse(r[0].equals(Bridge.point(c, ct, "u", 6)[0]));
    assertFalse(r[0].equals(Bridge.point(c, ct, "t", 7)[0]));
    assertEquals(r[1], Bridge.point(c, ct, "t", 6)[1], "deterministic");
  }

  /** The first node of a small MLP as a slice whose output is bridged (and the second reading it bridged). */
  private record Case(Models.Traced t, CompiledSlice cs, String tensor, Map<String, Fr[]> points) {}

  private static Case slice(int node) {
    Models.Traced t = Models.mlp(5);
    List<QNode> nodes = t.q().nodes();
    String name = nodes.get(node).name();
    String tensor = nodes.get(0).node().output();
    Linking links = Linking.of(t.q().graph(), List.of(Set.of(nodes.get(0).name())), Visibility.PUBLIC)
        .bridging(Set.of(tensor));
    CompiledSlice cs = SliceCompiler.compile(t.q(), Set.of(name), links);
    Fr[] r = Bridge.point(Fr.of(3), new byte[32], tensor, t.trace().get(tensor).length);
    return new Case(t, cs, tensor, Map.of(tensor, r));
  }

  @Test
  void aBridgedSliceMockProvesWithEveryCellAssignedAndPinned() {
    for (int node : new int[] {0, 1}) {
      Case k = slice(node);
      assertEquals(List.of(k.tensor()), k.cs().bridged());
      InstanceLayout.Entry e = k.cs().layout().find(Bridge.entry(k.tensor()), node == 0);
      assertNotNull(e, k.cs().layout().toString());
      long[] values = k.t().trace().get(k.tensor());
      assertEquals(Bridge.vars(values.length) + 1, e.length());
      Map<String, Fr> salts = k.t().salts(1);
      Circuit c = k.cs().circuit(k.t().trace(), salts, k.points());
      AssignedCellsTest.assertAssigned("bridge slice " + node, c);
      assertEquals(k.cs().description().k(), c.description().k(), "the witness circuit is the keyed one");
      Fr[] inst = k.cs().instance(k.t().trace(), salts, k.points())[0];
      BigInteger[] rb = new BigInteger[e.length() - 1];
      for (int j = 0; j < rb.length; j++) {
        rb[j] = k.points().get(k.tensor())[j].toBigInteger();
        assertEquals(k.points().get(k.tensor())[j], inst[e.row() + j]);
      }
      assertEquals(naive(values, rb), inst[e.row() + rb.length].toBigInteger());
      for (int row = 0; row < inst.length; row++) {
        assertEquals(inst[row], Fr.readFrom(c.witness().instance()[0], 4 * row), "instance row " + row);
      }
      for (int j = 0; j < e.length(); j++) { // a wrong r_j or y in the instance
        assertFalse(MockProver.run(withInstance(c, e.row() + j), 1).isSatisfied(), "instance row " + (e.row() + j));
      }
      assertEquals(List.of(), MutationSweepTest.survivors(c), "every assigned cell is pinned");
    }
  }

  @Test
  void aBridgedSliceNeedsItsPoint() {
    Case k = slice(0);
    assertThrows(IllegalArgumentException.class, () -> k.cs().circuit(k.t().trace(), k.t().salts(1)));
    assertTrue(k.cs().estimate().rows() >= Bridge.rows(k.t().trace().get(k.tensor()).length));
  }

  private static Circuit withInstance(Circuit c, int row) {
    Witness w = c.witness();
    long[][] inst = w.instance().clone();
    inst[0] = inst[0].clone();
    Fr.readFrom(inst[0], 4 * row).add(Fr.ONE).writeTo(inst[0], 4 * row);
    return new Circuit(c.description(), w.withValues(inst, w.advice(), w.fillers()));
  }
}

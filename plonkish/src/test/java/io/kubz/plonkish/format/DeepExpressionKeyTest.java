package io.kubz.plonkish.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubz.field.BadInputException;
import io.kubz.field.Fr;
import io.kubz.plonkish.Proof;
import io.kubz.plonkish.TestCircuits;
import io.kubz.plonkish.builder.Circuit;
import io.kubz.plonkish.ir.Column;
import io.kubz.plonkish.ir.Expression;
import io.kubz.plonkish.ir.Gate;
import io.kubz.plonkish.keygen.KeyLimits;
import io.kubz.plonkish.keygen.Keygen;
import io.kubz.plonkish.keygen.ProvingKey;
import io.kubz.plonkish.keygen.VerifyingKey;
import io.kubz.plonkish.proto.ExpressionMsg;
import io.kubz.plonkish.proto.GateMsg;
import io.kubz.plonkish.proto.NodeMsg;
import io.kubz.plonkish.proto.VerifyingKeyMsg;
import io.kubz.plonkish.prover.Prover;
import io.kubz.plonkish.prover.Setup;
import io.kubz.plonkish.verifier.Verifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue #16, finding 4 (a): a verifying key whose gate is a chain of 200,000 negations used to
 * throw StackOverflowError out of the recursive digest, past every catch of the verifier. Such a
 * key must be a format error (BadInputException) when read, and a rejection (never an Error) when
 * handed to the verifier in memory; keys at the depth limit still read back.
 */
class DeepExpressionKeyTest {
  static Circuit circuit;
  static ProvingKey pk;
  static Proof proof;

  @BeforeAll
  static void prove() {
    circuit = TestCircuits.fibonacci(20, TestCircuits.fib(19));
    pk = Setup.keygen(circuit);
    proof = Prover.prove(pk, Setup.PCS, circuit.witness(), new Random(11));
  }

  /** The honest key with one more gate, its digest recomputed as a forger would. */
  static VerifyingKey withGate(VerifyingKey vk, Gate extra) {
    List<Gate> gates = new ArrayList<>(vk.gates());
    gates.add(extra);
    VerifyingKey v = new VerifyingKey(vk.k(), vk.blinding(), vk.advicePhases(), vk.numFixed(), vk.numInstance(),
        vk.challengePhases(), gates, vk.fixedCommitments(), new byte[32]);
    return new VerifyingKey(v.k(), v.blinding(), v.advicePhases(), v.numFixed(), v.numInstance(),
        v.challengePhases(), v.gates(), v.fixedCommitments(), Keygen.digestOf(v));
  }

  static Expression chain(int depth, UnaryOperator<Expression> wrap) {
    Expression e = new Expression.Cell(new Column.Advice(0, 0), 0);
    for (int i = 1; i < depth; i++) {
      e = wrap.apply(e);
    }
    return e;
  }

  @Test
  void aKeyWith200000NestedNegationsIsMalformedNotAStackOverflow() {
    VerifyingKey deep = withGate(pk.vk(), new Gate("deep", List.of(chain(200_000, Expression::neg))));
    byte[] bytes = KeyCodec.encode(deep);
    BadInputException e = assertThrows(BadInputException.class, () -> KeyCodec.decodeVerifyingKey(bytes));
    assertTrue(e.getMessage().contains("deeper"), e.getMessage());
    // handed over in memory (no reader in between), the verifier still returns, and rejects
    assertFalse(Verifier.verify(deep, Setup.PCS, Setup.instance(circuit), proof));
  }

  @Test
  void deepChainsOfSumsAndScalingsAreRefusedAsTheyAreRead() {
    Expression sums = chain(150_000, x -> x.add(Expression.constant(1)));
    Expression scaled = chain(150_000, x -> x.scale(Fr.of(3)));
    for (Expression x : List.of(sums, scaled)) {
      byte[] bytes = KeyCodec.encode(withGate(pk.vk(), new Gate("deep", List.of(x))));
      assertThrows(BadInputException.class, () -> KeyCodec.decodeVerifyingKey(bytes));
    }
  }

  @Test
  void aKeyAtTheDepthLimitReadsBackAndOneBeyondDoesNot() {
    Expression ok = chain(KeyLimits.MAX_DEPTH, Expression::neg);
    VerifyingKey atLimit = withGate(pk.vk(), new Gate("at the limit", List.of(ok.sub(ok))));
    assertThrows(BadInputException.class, () -> KeyCodec.decodeVerifyingKey(KeyCodec.encode(atLimit)),
        "ok − ok is one level deeper than ok");
    VerifyingKey fits = withGate(pk.vk(), new Gate("at the limit", List.of(ok)));
    VerifyingKey back = KeyCodec.decodeVerifyingKey(KeyCodec.encode(fits));
    assertEquals(fits.gates(), back.gates());
    assertEquals(fits, back);
    VerifyingKey over = withGate(pk.vk(), new Gate("over", List.of(chain(KeyLimits.MAX_DEPTH + 1, Expression::neg))));
    assertThrows(BadInputException.class, () -> KeyCodec.decodeVerifyingKey(KeyCodec.encode(over)));
  }

  @Test
  void hugeButShallowKeysAreRefusedByTheirNodeAndGateCounts() {
    // 2^20 + 1 constants under a balanced tree of sums: shallow, but too many nodes
    VerifyingKeyMsg honest = VerifyingKeyMsg.newBuilder(msg(pk.vk())).build();
    ExpressionMsg.Builder wide = ExpressionMsg.newBuilder();
    NodeMsg leaf = NodeMsg.newBuilder().setOp(NodeMsg.Op.CHALLENGE).setIndex(0).build();
    for (int i = 0; i <= KeyLimits.MAX_NODES; i++) {
      wide.addNodes(leaf);
    }
    byte[] wideKey = honest.toBuilder().addGates(GateMsg.newBuilder().setName("wide").addPolys(wide)).build()
        .toByteArray();
    BadInputException e = assertThrows(BadInputException.class, () -> KeyCodec.decodeVerifyingKey(wideKey));
    assertTrue(e.getMessage().contains("nodes"), e.getMessage());
    VerifyingKeyMsg.Builder many = honest.toBuilder();
    GateMsg tiny = GateMsg.newBuilder().setName("g").addPolys(ExpressionMsg.newBuilder().addNodes(
        NodeMsg.newBuilder().setOp(NodeMsg.Op.CONSTANT).setValue(Bytes.fr(Fr.ONE)))).build();
    for (int i = 0; i <= KeyLimits.MAX_GATES; i++) {
      many.addGates(tiny);
    }
    byte[] manyKey = many.build().toByteArray();
    e = assertThrows(BadInputException.class, () -> KeyCodec.decodeVerifyingKey(manyKey));
    assertTrue(e.getMessage().contains("gates"), e.getMessage());
  }

  @Test
  void nodesThatNameUndeclaredColumnsOrChallengesOrLackOperandsAreMalformed() {
    VerifyingKeyMsg honest = msg(pk.vk());
    List<NodeMsg> bad = List.of(
        NodeMsg.newBuilder().setOp(NodeMsg.Op.CELL).setColumnKind(0).setIndex(pk.vk().numAdvice()).build(),
        NodeMsg.newBuilder().setOp(NodeMsg.Op.CELL).setColumnKind(1).setIndex(-1).build(),
        NodeMsg.newBuilder().setOp(NodeMsg.Op.CELL).setColumnKind(7).build(),
        NodeMsg.newBuilder().setOp(NodeMsg.Op.CELL).setColumnKind(0).setPhase(5).build(),
        NodeMsg.newBuilder().setOp(NodeMsg.Op.CELL).setColumnKind(0).setRotation(1 << 20).build(),
        NodeMsg.newBuilder().setOp(NodeMsg.Op.CHALLENGE).setIndex(pk.vk().challengePhases().length).build(),
        NodeMsg.newBuilder().setOp(NodeMsg.Op.DOMAIN).setIndex(4).build(),
        NodeMsg.newBuilder().setOp(NodeMsg.Op.SUM).build(),
        NodeMsg.newBuilder().setOpValue(42).build());
    for (NodeMsg n : bad) {
      byte[] key = honest.toBuilder().addGates(GateMsg.newBuilder().setName("bad")
          .addPolys(ExpressionMsg.newBuilder().addNodes(n))).build().toByteArray();
      assertThrows(BadInputException.class, () -> KeyCodec.decodeVerifyingKey(key), n.toString());
    }
  }

  @Test
  void aKeyReadingThePublicValuesAtManyRotationsIsRefused() {
    // each (instance column, rotation) costs the verifier a pass over all public values
    Expression e = new Expression.Cell(new Column.Instance(0), 0);
    for (int r = 1; r <= KeyLimits.MAX_INSTANCE_QUERIES; r++) {
      e = e.add(new Expression.Cell(new Column.Instance(0), r));
    }
    VerifyingKey many = withGate(pk.vk(), new Gate("instance", List.of(e)));
    BadInputException x = assertThrows(BadInputException.class, () -> KeyCodec.decodeVerifyingKey(KeyCodec.encode(many)));
    assertTrue(x.getMessage().contains("instance queries"), x.getMessage());
    assertFalse(Verifier.verify(many, Setup.PCS, Setup.instance(circuit), proof));
  }

  @Test
  void theDegreeIsBoundedSoIsTheNumberOfQuotientPieces() {
    Expression cell = new Expression.Cell(new Column.Advice(0, pk.vk().advicePhases()[0]), 0);
    Expression power = cell;
    for (int d = 1; d < KeyLimits.MAX_DEGREE; d++) {
      power = power.mul(cell);
    }
    VerifyingKey atLimit = withGate(pk.vk(), new Gate("degree 64", List.of(power)));
    assertEquals(KeyLimits.MAX_DEGREE, KeyCodec.decodeVerifyingKey(KeyCodec.encode(atLimit)).maxDegree());
    VerifyingKey over = withGate(pk.vk(), new Gate("degree 65", List.of(power.mul(cell))));
    BadInputException x = assertThrows(BadInputException.class, () -> KeyCodec.decodeVerifyingKey(KeyCodec.encode(over)));
    assertTrue(x.getMessage().contains("degree"), x.getMessage());
    assertFalse(Verifier.verify(over, Setup.PCS, Setup.instance(circuit), proof));
  }

  static VerifyingKeyMsg msg(VerifyingKey vk) {
    try {
      return VerifyingKeyMsg.parseFrom(KeyCodec.encode(vk));
    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
      throw new AssertionError(e);
    }
  }
}

package io.kubz.slicer.chain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubz.field.BadInputException;
import io.kubz.field.Fr;
import io.kubz.poly.srs.Srs;
import io.kubz.slicer.api.BundleVerifier;
import io.kubz.slicer.api.ModelProver;
import io.kubz.slicer.ir.Graph;
import io.kubz.slicer.ir.Tensor;
import io.kubz.slicer.lower.Visibility;
import io.kubz.slicer.lower.Visibility.Mode;
import io.kubz.slicer.onnx.ExampleModels;
import io.kubz.slicer.onnx.OnnxImporter;
import io.kubz.slicer.quant.IntegerInterpreter;
import io.kubz.slicer.quant.QuantPlan;
import io.kubz.slicer.quant.QuantizedGraph;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue #20: three models in the shape of a pipeline (A → B → C), each proved on its own, linked
 * by hashed commitments; every way of breaking the chain is named.
 */
class ChainTest {
  static Srs srs;
  static Graph a;
  static Graph b;
  static Graph c;
  static List<Tensor> input;
  static ModelProver.Result ra;
  static ModelProver.Result rb;
  static ModelProver.Result rc;

  static Graph graph(io.kubz.slicer.onnx.proto.Onnx.ModelProto m) {
    return OnnxImporter.convert(m, null, Map.of());
  }

  static ModelProver.Options options(Mode in, Mode out, long seed) {
    return ModelProver.Options.of(srs).withQuant(QuantPlan.defaults()).withVisibility(new Visibility(in, out))
        .withRandom(new Random(seed));
  }

  /** Proves {@code next} on the previous result's output, as {@code kubz prove --input-from} does. */
  static ModelProver.Result next(ModelProver.Result prev, Graph next, Mode out, long seed) {
    ChainInput ci = ChainInput.from(prev.parsed(), Secrets.of(prev), next);
    ci.checkScale(QuantPlan.defaults().activationScale(), next.name());
    return ModelProver.prove(next, ci.inputs(), options(ci.inputMode(), out, seed).withInputSalts(ci.salts()));
  }

  static ChainVerifier.Link link(String name, ModelProver.Result r, ModelProver.Result anchor) {
    byte[] digest = anchor.parsed().modelDigest();
    return new ChainVerifier.Link(name, r.bundle(), bytes -> BundleVerifier.verify(bytes, digest, srs, true), null);
  }

  @BeforeAll
  static void proveTheChain() {
    srs = Srs.dev(13, 20261207);
    a = graph(ExampleModels.mlp(1, 4, 8, 6));
    b = graph(ExampleModels.mlp(2, 6, 8, 5));
    c = graph(ExampleModels.mlp(3, 5, 4, 3));
    input = List.of(ExampleModels.input(5, a.inputs().get(0).shape()));
    ra = ModelProver.prove(a, input, options(Mode.PUBLIC, Mode.HASHED, 1));
    rb = next(ra, b, Mode.HASHED, 2);
    rc = next(rb, c, Mode.PUBLIC, 3);
  }

  @Test
  void aHashedChainVerifiesAndItsOutputIsTheComposedInference() {
    ChainResult r = ChainVerifier.verify(List.of(link("a", ra, ra), link("b", rb, rb), link("c", rc, rc)));
    assertTrue(r.valid(), r.reason());
    assertEquals(3, r.bundles().size());
    System.out.printf("chain of 3: the 2 link checks cost %.3f ms beyond the bundles' verifications%n",
        r.linkNanos() / 1e6);
    assertArrayEquals(ra.parsed().inputs().get(0).values(), r.input().get(0).values());
    // the integer interpreters of A, B and C one after the other give the proved final output
    long[] x = QuantizedGraph.quantize(a, QuantPlan.defaults()).quantizeInput(input.get(0));
    for (Graph g : List.of(a, b, c)) {
      QuantizedGraph q = QuantizedGraph.quantize(g, QuantPlan.defaults());
      x = IntegerInterpreter.run(q, List.of(x)).values().iterator().next();
    }
    assertArrayEquals(x, r.output().get(0).values());
    assertTrue(rb.parsed().outputs().get(0).values() == null, "the intermediate tensors stay hidden");
  }

  @Test
  void bProvedFromAnotherInputBreaksTheFirstLink() {
    ModelProver.Result other = ModelProver.prove(a, List.of(ExampleModels.input(99, a.inputs().get(0).shape())),
        options(Mode.PUBLIC, Mode.HASHED, 7));
    ModelProver.Result bOther = next(other, b, Mode.HASHED, 8);
    ChainResult r = ChainVerifier.verify(List.of(link("a", ra, ra), link("b", bOther, rb), link("c", rc, rc)));
    assertFalse(r.valid());
    assertEquals(0, r.failingLink(), r.reason());
    assertEquals(-1, r.failingBundle());
    assertTrue(r.reason().contains("a -> b") && r.reason().contains("commitments differ"), r.reason());
  }

  @Test
  void reorderedOrDroppedBundlesAreNamed() {
    ChainResult swapped = ChainVerifier.verify(List.of(link("b", rb, ra), link("a", ra, rb), link("c", rc, rc)));
    assertFalse(swapped.valid());
    assertEquals(0, swapped.failingBundle(), swapped.reason());
    assertTrue(swapped.reason().contains("different model"), swapped.reason());
    ChainResult dropped = ChainVerifier.verify(List.of(link("a", ra, ra), link("c", rc, rc)));
    assertFalse(dropped.valid());
    assertEquals(0, dropped.failingLink(), dropped.reason());
    assertTrue(dropped.reason().contains("a -> c"), dropped.reason());
  }

  @Test
  void anotherSaltBreaksTheLink() {
    ChainInput ci = ChainInput.from(ra.parsed(), Secrets.of(ra), b);
    Map<String, Fr> salts = new java.util.HashMap<>(ci.salts());
    salts.replaceAll((k, v) -> v.add(Fr.ONE));
    ModelProver.Result bSalted = ModelProver.prove(b, ci.inputs(), options(Mode.HASHED, Mode.HASHED, 9)
        .withInputSalts(salts));
    ChainResult r = ChainVerifier.verify(List.of(link("a", ra, ra), link("b", bSalted, rb)));
    assertFalse(r.valid());
    assertEquals(0, r.failingLink(), r.reason());
  }

  @Test
  void secretsOfAnotherProofOrNoneAreRefused() {
    ModelProver.Result again = ModelProver.prove(a, input, options(Mode.PUBLIC, Mode.HASHED, 11));
    BadInputException wrong = assertThrows(BadInputException.class,
        () -> ChainInput.from(ra.parsed(), Secrets.of(again), b));
    assertTrue(wrong.getMessage().contains("another proof"), wrong.getMessage());
    BadInputException none = assertThrows(BadInputException.class, () -> ChainInput.from(ra.parsed(), null, b));
    assertTrue(none.getMessage().contains("--secrets"), none.getMessage());
    Secrets s = Secrets.of(ra);
    assertEquals(s.toJson(), Secrets.fromJson(s.toJson(), "test").toJson(), "the secrets file round-trips");
    BadInputException garbled = assertThrows(BadInputException.class,
        () -> Secrets.fromJson(s.toJson().replaceFirst("\"salt\"\\s*:\\s*\"", "$0zz"), "secrets.json"));
    assertTrue(garbled.getMessage().contains("secrets.json"), garbled.getMessage());
  }

  @Test
  void publicLinksCompareValuesAndAPublicToHashedLinkNeedsThePublishedSalt() {
    ModelProver.Result pa = ModelProver.prove(a, input, options(Mode.PUBLIC, Mode.PUBLIC, 12));
    ModelProver.Result pb = next(pa, b, Mode.PUBLIC, 13);
    assertTrue(ChainVerifier.verify(List.of(link("a", pa, pa), link("b", pb, pb))).valid());
    // B commits to A's public output: checkable once B's owner publishes the salt
    ChainInput ci = ChainInput.from(pa.parsed(), null, b);
    ModelProver.Result hb = ModelProver.prove(b, ci.inputs(), options(Mode.HASHED, Mode.PUBLIC, 14));
    ChainResult unpublished = ChainVerifier.verify(List.of(link("a", pa, pa), link("b", hb, hb)));
    assertFalse(unpublished.valid());
    assertTrue(unpublished.reason().contains("publish the salt"), unpublished.reason());
    ChainVerifier.Link published = new ChainVerifier.Link("b", hb.bundle(),
        bytes -> BundleVerifier.verify(bytes, hb.parsed().modelDigest(), srs, true), Secrets.of(hb));
    ChainResult ok = ChainVerifier.verify(List.of(link("a", pa, pa), published));
    assertTrue(ok.valid(), ok.reason());
  }

  @Test
  void garbageNeverThrows() {
    List<ChainVerifier.Link> links = new ArrayList<>();
    links.add(new ChainVerifier.Link("junk", new byte[] {1, 2, 3}, BundleVerifier::selfCheck, null));
    ChainResult r = ChainVerifier.verify(links);
    assertFalse(r.valid());
    assertTrue(r.malformed());
    assertFalse(ChainVerifier.verify(List.of()).valid());
  }
}

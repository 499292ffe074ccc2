package io.kubz.slicer.api;

import io.kubz.field.Fr;
import io.kubz.slicer.bundle.ProofBundle;
import io.kubz.slicer.json.Json;
import io.kubz.slicer.lower.Visibility;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The link checks of {@link BundleVerifier}: the linking rule of {@code io.kubz.slicer.lower}
 * (one mode per tensor; every tensor that crosses a slice boundary linked by equal public values
 * or equal salted commitments) checked on a bundle's layouts and instances. Each check returns
 * null when it passes, else the failed result naming the slice or link.
 */
final class LinkCheck {
  private LinkCheck() {}

  /** The slice that produces a tensor and its layout entry there. */
  record Produced(int slice, ProofBundle.Entry entry) {}

  /**
   * Every tensor the plan says a slice reads is linked there: the slice's layout has an entry for
   * it, unless it is a PRIVATE model input that no other slice reads (which stays private); parts
   * of a split tensor ({@code name#from:to}) are linked like any tensor. The plan's slices must be
   * the bundle's, node for node.
   */
  static VerificationResult coverage(ProofBundle b, String digest) {
    List<Object> specs = Json.asArray(Json.get(Json.asObject(Json.parse(b.planJson()), "plan"), "slices"), "slices");
    if (specs.size() != b.slices().size()) {
      return VerificationResult.invalid(digest, "the plan has " + specs.size() + " slices, the bundle "
          + b.slices().size());
    }
    List<List<String>> reads = new ArrayList<>();
    Map<String, Integer> readers = new HashMap<>();
    for (int i = 0; i < specs.size(); i++) {
      Map<String, Object> spec = Json.asObject(specs.get(i), "plan slice");
      if (!strings(spec, "nodes").equals(b.slices().get(i).nodes())) {
        return VerificationResult.slice(digest, i, "slice " + i + " does not hold the nodes its plan entry lists");
      }
      List<String> ins = strings(spec, "inputs");
      reads.add(ins);
      ins.forEach(t -> readers.merge(t, 1, Integer::sum));
    }
    Map<String, ProofBundle.PublicTensor> inputs = new HashMap<>();
    b.inputs().forEach(t -> inputs.put(t.name(), t));
    for (int i = 0; i < reads.size(); i++) {
      for (String t : reads.get(i)) {
        ProofBundle.PublicTensor declared = inputs.get(t);
        boolean privateToOne = declared != null && declared.mode().equals(Visibility.Mode.PRIVATE.name())
            && readers.get(t) == 1;
        if (!privateToOne && b.slices().get(i).find(t, false) == null) {
          return VerificationResult.slice(digest, i, "slice " + i + " reads '" + t + "' without linking it: its"
              + " instance layout has no entry for it");
        }
      }
    }
    return null;
  }

  private static List<String> strings(Map<String, Object> obj, String key) {
    List<String> out = new ArrayList<>();
    for (Object o : Json.asArray(Json.get(obj, key), key)) {
      out.add(Json.asString(o, key));
    }
    return out;
  }

  private record Read(int slice, ProofBundle.Entry entry) {}

  /**
   * The linking rule: every slice's copy of a tensor equals the one it is linked to. A model input
   * read by a slice equals the declared input (PUBLIC values or HASHED commitment); a PRIVATE one
   * that several slices read is committed in each, and all these commitments are equal. Any other
   * tensor a slice reads is produced by an earlier slice in the same mode (values or commitment,
   * same length) and with equal cells: C_out(i) = C_in(j), or equal public values for a PUBLIC
   * model output that a later slice reads (which {@link #outputs} ties to the declared one).
   */
  static VerificationResult links(ProofBundle b, String digest, Map<String, Produced> produced) {
    return links(b, digest, produced, java.util.Set.of());
  }

  /**
   * As above, where {@code bridged} are the tensors whose bridges {@link BridgeCheck} checked: a
   * plonkish commitment and a GKR C_T of one of them are linked when the plonkish slice bridges it.
   */
  static VerificationResult links(ProofBundle b, String digest, Map<String, Produced> produced,
      java.util.Set<String> bridged) {
    Map<String, ProofBundle.PublicTensor> inputs = new HashMap<>();
    for (ProofBundle.PublicTensor t : b.inputs()) {
      if (!t.mode().equals(b.inputVisibility())) {
        return VerificationResult.invalid(digest, "input '" + t.name() + "' is declared " + t.mode()
            + " but the bundle's input visibility is " + b.inputVisibility());
      }
      inputs.put(t.name(), t);
    }
    Map<String, Read> firstReader = new HashMap<>();
    for (int j = 0; j < b.slices().size(); j++) {
      ProofBundle.Slice s = b.slices().get(j);
      for (ProofBundle.Entry e : s.layout()) {
        if (e.output() || io.kubz.slicer.lower.Bridge.isEntry(e.tensor())) {
          continue;
        }
        ProofBundle.PublicTensor declared = inputs.get(e.tensor());
        if (declared != null) {
          VerificationResult r = checkInput(b, digest, declared, j, e, firstReader, produced);
          if (r != null) {
            return r;
          }
          continue;
        }
        Produced p = produced.get(e.tensor());
        String link = e.tensor() + ": slice " + (p == null ? "?" : p.slice()) + " -> slice " + j;
        if (p == null || p.slice() >= j) {
          return VerificationResult.link(digest, link, "slice " + j + " reads '" + e.tensor()
              + "', which no earlier slice produces");
        }
        ProofBundle.Slice ps = b.slices().get(p.slice());
        if (e.commitment() != p.entry().commitment() || e.length() != p.entry().length()) {
          return VerificationResult.link(digest, link, "link " + link + " does not expose the tensor the same way on"
              + " both sides (" + kind(p.entry()) + " in slice " + p.slice() + ", " + kind(e) + " in slice " + j + ")");
        }
        if (!sameCells(ps, p.entry(), s, e, bridged)) {
          return VerificationResult.link(digest, link, "link " + link + ": the producer's " + (e.commitment()
              ? "commitment C_out differs from the consumer's C_in" : "public values differ from the consumer's"));
        }
      }
    }
    return null;
  }

  /** One slice's copy of a model input against the declared input, or (PRIVATE) the first reader's commitment. */
  private static VerificationResult checkInput(ProofBundle b, String digest, ProofBundle.PublicTensor declared, int j,
      ProofBundle.Entry e, Map<String, Read> firstReader, Map<String, Produced> produced) {
    if (produced.containsKey(e.tensor())) {
      return VerificationResult.slice(digest, produced.get(e.tensor()).slice(), "slice "
          + produced.get(e.tensor()).slice() + " produces '" + e.tensor() + "', which is a model input");
    }
    ProofBundle.Slice s = b.slices().get(j);
    if (!declared.mode().equals(Visibility.Mode.PRIVATE.name())) {
      if (!matches(declared, s, e)) {
        return VerificationResult.slice(digest, j, "slice " + j + " reads model input '" + e.tensor()
            + "' with other values than the bundle declares");
      }
      return null;
    }
    if (!e.commitment()) {
      return VerificationResult.slice(digest, j, "slice " + j + " exposes the values of the private model input '"
          + e.tensor() + "'");
    }
    Read first = firstReader.putIfAbsent(e.tensor(), new Read(j, e));
    if (first != null && !sameCells(b.slices().get(first.slice()), first.entry(), s, e, java.util.Set.of())) {
      String link = e.tensor() + ": slice " + first.slice() + " -> slice " + j;
      return VerificationResult.link(digest, link, "link " + link + ": slices " + first.slice() + " and " + j
          + " read the private model input '" + e.tensor() + "' under different commitments");
    }
    return null;
  }

  private static String kind(ProofBundle.Entry e) {
    return e.commitment() ? "a commitment" : e.length() + " public values";
  }

  /**
   * The cells of entry a in slice sa equal those of entry b in slice sb (same length checked by the
   * caller). A commitment entry of a GKR slice is its C_T (compressed G1, among the slice's boundary
   * commitments): it equals another GKR slice's C_T with the same bytes, or a plonkish slice's
   * Poseidon commitment when the tensor is {@code bridged} (its bridge checked by {@link
   * BridgeCheck}) and that slice proves the bridge (its layout has the bridge entry).
   */
  private static boolean sameCells(ProofBundle.Slice sa, ProofBundle.Entry a, ProofBundle.Slice sb, ProofBundle.Entry b,
      java.util.Set<String> bridged) {
    boolean ga = !sa.plonkish() && a.commitment();
    boolean gb = !sb.plonkish() && b.commitment();
    if (ga && gb) {
      return java.util.Arrays.equals(sa.commitments().get(a.row()), sb.commitments().get(b.row()));
    }
    if (ga || gb) {
      ProofBundle.Slice plonk = ga ? sb : sa;
      ProofBundle.Entry pe = ga ? b : a;
      return pe.commitment() && bridged.contains(pe.tensor())
          && plonk.find(io.kubz.slicer.lower.Bridge.entry(pe.tensor()), pe.output()) != null;
    }
    for (int k = 0; k < a.length(); k++) {
      if (!sa.instance().get(a.row() + k).equals(sb.instance().get(b.row() + k))) {
        return false;
      }
    }
    return true;
  }

  /** Every declared model output (unless private) equals the instance cells of the slice producing it. */
  static VerificationResult outputs(ProofBundle b, String digest, Map<String, Produced> produced) {
    for (ProofBundle.PublicTensor t : b.outputs()) {
      if (!t.mode().equals(b.outputVisibility())) {
        return VerificationResult.invalid(digest, "output '" + t.name() + "' is declared " + t.mode()
            + " but the bundle's output visibility is " + b.outputVisibility());
      }
      if (t.mode().equals(Visibility.Mode.PRIVATE.name())) {
        continue;
      }
      Produced p = produced.get(t.name());
      if (p == null) {
        return VerificationResult.invalid(digest, "model output '" + t.name() + "' is produced by no slice");
      }
      if (!matches(t, b.slices().get(p.slice()), p.entry())) {
        return VerificationResult.slice(digest, p.slice(), "the declared output '" + t.name()
            + "' differs from what slice " + p.slice() + " proves");
      }
    }
    return null;
  }

  private static boolean matches(ProofBundle.PublicTensor t, ProofBundle.Slice s, ProofBundle.Entry e) {
    List<Fr> inst = s.instance();
    if (t.mode().equals(Visibility.Mode.PUBLIC.name())) {
      if (e.commitment() || t.commitment() != null || t.values() == null || t.values().length != e.length()) {
        return false;
      }
      for (int k = 0; k < e.length(); k++) {
        if (!inst.get(e.row() + k).equals(Fr.of(t.values()[k]))) {
          return false;
        }
      }
      return true;
    }
    if (t.mode().equals(Visibility.Mode.HASHED.name())) {
      return e.commitment() && t.values() == null && t.commitment() != null && t.commitment().equals(inst.get(e.row()));
    }
    return false;
  }
}

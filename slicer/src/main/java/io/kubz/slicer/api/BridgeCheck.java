package io.kubz.slicer.api;

import io.kubz.field.Fr;
import io.kubz.gkr.model.Boundaries;
import io.kubz.slicer.bundle.ProofBundle;
import io.kubz.slicer.lower.Bridge;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The bridge checks of {@link BundleVerifier} (package documentation of {@code io.kubz.slicer.bundle},
 * "Bridges"): for every tensor T that a plonkish slice bridges (a layout entry "T@bridge" beside its
 * commitment entry for T), the verifier recomputes r = {@link Bridge#point}(C, C_T, T, N) from the
 * plonkish slices' Poseidon commitment C (equal in all of them) and the GKR slices' C_T (equal in all
 * of them; N the size of T in their layered models), checks that every bridge entry holds that r
 * and one y, and hands each GKR slice exposing T the claim T~(r) = y to open C_T with. The slice
 * proofs then show: the plonkish ones that y = Σ T_i·eq(i, r) over the cells C commits, the GKR ones
 * that C_T opens to y at r. Returns the claims per GKR slice, or why the bridges fail; never throws.
 */
final class BridgeCheck {
  private BridgeCheck() {}

  /** The checked bridges: tensor names, and each GKR slice's external claims; or a failure. */
  record Result(Set<String> bridged, Map<Integer, List<Boundaries.External>> externals, VerificationResult failure) {}

  private record Plonk(int slice, Fr c, Fr[] r, Fr y) {}

  private record Gkr(int slice, int id, byte[] cT, int size) {}

  static Result check(ProofBundle b, String digest, GkrCheck.Decoded[] gkr) {
    Map<String, List<Plonk>> plonk = new LinkedHashMap<>();
    Map<String, List<Gkr>> kzg = new HashMap<>();
    for (int j = 0; j < b.slices().size(); j++) {
      ProofBundle.Slice s = b.slices().get(j);
      if (gkr[j] != null) {
        int[] ins = gkr[j].model().inputs();
        int[] outs = gkr[j].model().outputs();
        for (int k = 0; k < s.layout().size(); k++) {
          ProofBundle.Entry e = s.layout().get(k);
          if (e.commitment()) {
            int id = k < ins.length ? ins[k] : outs[k - ins.length];
            kzg.computeIfAbsent(e.tensor(), t -> new ArrayList<>()).add(new Gkr(j, id, s.commitments().get(e.row()),
                gkr[j].model().layers().get(id).size()));
          }
        }
        continue;
      }
      for (ProofBundle.Entry e : s.layout()) {
        if (!Bridge.isEntry(e.tensor())) {
          continue;
        }
        String t = Bridge.tensor(e.tensor());
        ProofBundle.Entry own = s.find(t, e.output());
        if (own == null || !own.commitment() || e.commitment() || e.length() < 2) {
          return failed(digest, j, "slice " + j + " has a bridge entry for '" + t + "' without its commitment to it");
        }
        Fr[] r = s.instance().subList(e.row(), e.row() + e.length() - 1).toArray(new Fr[0]);
        plonk.computeIfAbsent(t, x -> new ArrayList<>()).add(new Plonk(j, s.instance().get(own.row()), r,
            s.instance().get(e.row() + e.length() - 1)));
      }
    }
    Map<Integer, List<Boundaries.External>> externals = new HashMap<>();
    Set<String> bridged = new HashSet<>();
    for (Map.Entry<String, List<Plonk>> en : plonk.entrySet()) {
      String t = en.getKey();
      List<Gkr> sides = kzg.get(t);
      Plonk first = en.getValue().get(0);
      if (sides == null) {
        return failed(digest, first.slice(), "slice " + first.slice() + " bridges '" + t + "' to no GKR slice");
      }
      Gkr g = sides.get(0);
      for (Gkr other : sides) {
        if (!Arrays.equals(other.cT(), g.cT()) || other.size() != g.size()) {
          return link(digest, t, g.slice(), other.slice(), "the GKR slices commit '" + t + "' with different C_T");
        }
      }
      Fr[] r = Bridge.point(first.c(), g.cT(), t, g.size());
      for (Plonk p : en.getValue()) {
        if (!p.c().equals(first.c())) {
          return link(digest, t, first.slice(), p.slice(), "the plonkish slices commit '" + t + "' differently");
        }
        if (!Arrays.equals(p.r(), r)) {
          return link(digest, t, p.slice(), g.slice(), "the bridge of '" + t + "' in slice " + p.slice()
              + " is not at r = H(C, C_T) of the two commitments");
        }
        if (!p.y().equals(first.y())) {
          return link(digest, t, first.slice(), p.slice(), "the bridges of '" + t + "' claim different y");
        }
      }
      for (Gkr side : sides) {
        externals.computeIfAbsent(side.slice(), x -> new ArrayList<>()).add(new Boundaries.External(side.id(), r,
            first.y()));
      }
      bridged.add(t);
    }
    externals.values().forEach(l -> l.sort(Comparator.comparingInt(Boundaries.External::tensor)));
    return new Result(bridged, externals, null);
  }

  private static Result failed(String digest, int slice, String why) {
    return new Result(Set.of(), Map.of(), VerificationResult.slice(digest, slice, why));
  }

  private static Result link(String digest, String t, int a, int b, String why) {
    String link = t + ": slice " + a + " -> slice " + b;
    return new Result(Set.of(), Map.of(), VerificationResult.link(digest, link, "link " + link + ": " + why));
  }
}

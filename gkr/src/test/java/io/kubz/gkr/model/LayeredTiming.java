package io.kubz.gkr.model;

import io.kubz.field.Fr;
import io.kubz.gkr.pcs.HyperKzg;
import io.kubz.poly.srs.Srs;
import io.kubz.poly.transcript.Keccak256Transcript;

/**
 * Prints prove and verify times of the LeNet-5-sized model (a manual measurement, not a test: run
 * with java -cp; speed is never asserted in tests).
 */
public final class LayeredTiming {
  private LayeredTiming() {}

  public static void main(String[] args) {
    Models.Case c = LeNet.build(1);
    Layout layout = new Layout(c.model());
    System.out.printf("tensors %d, wit 2^%d, limb bits %d, tables %d%n", layout.vars.length,
        layout.witVars, layout.limbBits, layout.tables.size());
    long total = 0;
    for (int s = 0; s < layout.slotLogs.size(); s++) {
      total += 1L << layout.slotLog(s);
    }
    System.out.println("slots (log2): " + layout.slotLogs + " = " + total + " entries; rescale shifts: "
        + c.model().layers().stream().filter(l -> l instanceof Layer.Rescale)
            .map(l -> ((Layer.Rescale) l).shift()).toList());
    HyperKzg pcs = new HyperKzg(Srs.devWithTau(layout.witVars, Fr.of(12345).pow(7), "timing"));
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 4;
    for (int i = 0; i < runs; i++) {
      com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
          java.lang.management.ManagementFactory.getOperatingSystemMXBean();
      long c0 = os.getProcessCpuTime();
      long t0 = System.nanoTime();
      LayeredProver.Output o = LayeredProver.prove(c.model(), c.inputs(), pcs,
          new Keccak256Transcript("timing"));
      long t1 = System.nanoTime();
      long c1 = os.getProcessCpuTime();
      boolean ok = LayeredVerifier.verify(c.model(), c.inputs(), o.outputs(), o.proof(), pcs,
          new Keccak256Transcript("timing"));
      long t2 = System.nanoTime();
      long c2 = os.getProcessCpuTime();
      System.out.printf("cpu: prove %.0f ms, verify %.1f ms; ", (c1 - c0) / 1e6, (c2 - c1) / 1e6);
      System.out.printf("prove %.0f ms (witness %.0f, commit %.0f, towers %.0f, layers %.0f, opening"
          + " %.0f), verify %.1f ms %s, proof %d bytes%n", (t1 - t0) / 1e6, o.witnessNanos() / 1e6,
          o.commitNanos() / 1e6, o.towerNanos() / 1e6, o.layerNanos() / 1e6, o.openingNanos() / 1e6,
          (t2 - t1) / 1e6, ok, o.proof().size());
    }
    openingParts(c, layout, pcs);
  }

  /** The opening stage in its two parts, on the claims and Wit of one run. */
  private static void openingParts(Models.Case c, Layout layout, HyperKzg pcs) {
    long[][] wit = new long[1][];
    java.util.List<io.kubz.gkr.opening.Claim> claims = new java.util.ArrayList<>();
    LayeredProver.prove(c.model(), c.inputs(), pcs, new Keccak256Transcript("timing"),
        new LayeredProver.Hook() {
          @Override
          public void wit(long[] w, Layout l) {
            wit[0] = w;
          }

          @Override
          public void claims(java.util.List<java.util.List<io.kubz.gkr.opening.Claim>> t,
              java.util.List<io.kubz.gkr.opening.Claim> w) {
            claims.addAll(w);
          }
        });
    long[] fr = new long[4 * wit[0].length];
    for (int i = 0; i < wit[0].length; i++) {
      Fr.set(fr, 4 * i, wit[0][i]);
    }
    io.kubz.field.G1 cm = pcs.commitIntegers(wit[0]);
    for (int i = 0; i < 3; i++) {
      long t0 = System.nanoTime();
      io.kubz.gkr.opening.BatchOpening.Output b = io.kubz.gkr.opening.BatchOpening.prove(fr, claims,
          new Keccak256Transcript("x"));
      long t1 = System.nanoTime();
      Fr[] u = new Fr[layout.witVars];
      for (int k = 0; k < u.length; k++) {
        u[k] = Fr.readFrom(b.claim().point(), 4 * k);
      }
      pcs.open(new Keccak256Transcript("x"), cm, fr, u);
      long t2 = System.nanoTime();
      System.out.printf("%d Wit claims: batching %.0f ms, HyperKZG open %.0f ms%n", claims.size(),
          (t1 - t0) / 1e6, (t2 - t1) / 1e6);
    }
  }
}

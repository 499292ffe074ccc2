package io.kubz.gkr.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubz.field.Fr;
import io.kubz.gkr.logup.LogupProof;
import io.kubz.gkr.logup.LogupProver;
import io.kubz.gkr.logup.Lookup;
import io.kubz.gkr.logup.LookupShape;
import io.kubz.gkr.logup.TowerProof;
import io.kubz.gkr.opening.BatchOpening;
import io.kubz.gkr.opening.Claim;
import io.kubz.gkr.opening.ReductionProof;
import io.kubz.gkr.sumcheck.SumcheckProof;
import io.kubz.gkr.testing.Statements;
import io.kubz.poly.transcript.Keccak256Transcript;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Every field of every proof message changed, and the bytes cut, grown and flipped: rejected, never thrown. */
class TamperTest {
  private static final List<Lookup> LOOKUPS = Statements.lookups(7);
  private static final List<LookupShape> SHAPES = LOOKUPS.stream().map(Lookup::shape).toList();
  private static final long[] WIT = Statements.wit(8);
  private static final List<Claim> CLAIMS = Statements.claims(8);

  static boolean logupAccepts(byte[] bytes) {
    return ProofBytes.verifyLogup(SHAPES, bytes, new Keccak256Transcript("t")).isPresent();
  }

  static boolean openingAccepts(byte[] bytes) {
    return ProofBytes.verifyOpening(5, CLAIMS, bytes, new Keccak256Transcript("t")).isPresent();
  }

  static LogupProof logup() {
    return LogupProver.prove(LOOKUPS, new Keccak256Transcript("t")).proof();
  }

  static ReductionProof reduction() {
    return BatchOpening.prove(WIT, CLAIMS, new Keccak256Transcript("t")).proof();
  }

  /** Applies f to the idx-th field element (in message order); the count when idx is past the end. */
  static final class Walk {
    int idx;
    int seen;
    final UnaryOperator<Fr> f;

    Walk(int idx, UnaryOperator<Fr> f) {
      this.idx = idx;
      this.f = f;
    }

    Fr fr(Fr x) {
      return seen++ == idx ? f.apply(x) : x;
    }

    List<Fr> frs(List<Fr> xs) {
      return xs.stream().map(this::fr).toList();
    }

    SumcheckProof sumcheck(SumcheckProof s) {
      return new SumcheckProof(s.rounds().stream().map(this::frs).toList());
    }

    LogupProof logup(LogupProof p) {
      List<LogupProof.TableProof> ts = new ArrayList<>();
      for (LogupProof.TableProof t : p.tables()) {
        TowerProof lookups = tower(t.lookupTower());
        TowerProof table = tower(t.tableTower());
        ts.add(new LogupProof.TableProof(lookups, table, frs(t.columnEvals()), fr(t.multiplicityEval())));
      }
      return new LogupProof(ts);
    }

    TowerProof tower(TowerProof t) {
      List<TowerProof.Layer> ls = new ArrayList<>();
      for (TowerProof.Layer l : t.layers()) {
        SumcheckProof s = sumcheck(l.sumcheck());
        ls.add(new TowerProof.Layer(s, frs(l.children())));
      }
      return new TowerProof(ls);
    }

    ReductionProof reduction(ReductionProof p) {
      return new ReductionProof(sumcheck(p.sumcheck()), fr(p.value()));
    }
  }

  private static LogupProof.TableProof withTower(LogupProof.TableProof t, int which, TowerProof tower) {
    return which == 0 ? new LogupProof.TableProof(tower, t.tableTower(), t.columnEvals(), t.multiplicityEval())
        : new LogupProof.TableProof(t.lookupTower(), tower, t.columnEvals(), t.multiplicityEval());
  }

  @Test
  void honestProofsRoundTripAndVerify() {
    byte[] l = GkrCodec.encode(logup());
    assertEquals(logup(), GkrCodec.decodeLogup(l));
    assertTrue(logupAccepts(l));
    byte[] r = GkrCodec.encode(reduction());
    assertEquals(reduction(), GkrCodec.decodeReduction(r));
    assertTrue(openingAccepts(r));
  }

  @Test
  void everyFieldElementPlusOneIsRejected() {
    LogupProof p = logup();
    Walk count = new Walk(-1, x -> x);
    count.logup(p);
    int n = count.seen;
    assertTrue(n > 50, "walked " + n + " field elements");
    for (int i = 0; i < n; i++) {
      Walk w = new Walk(i, x -> x.add(Fr.ONE));
      assertTrue(!logupAccepts(GkrCodec.encode(w.logup(p))), "logUp field element " + i);
    }
    ReductionProof r = reduction();
    Walk countR = new Walk(-1, x -> x);
    countR.reduction(r);
    int m = countR.seen;
    for (int i = 0; i < m; i++) {
      Walk w = new Walk(i, x -> x.add(Fr.ONE));
      assertTrue(!openingAccepts(GkrCodec.encode(w.reduction(r))), "opening field element " + i);
    }
  }

  @Test
  void changedDegreeOrCountsAreRejected() {
    LogupProof p = logup();
    LogupProof.TableProof t0 = p.tables().get(0);
    for (int which = 0; which < 2; which++) {
      List<TowerProof.Layer> layers = (which == 0 ? t0.lookupTower() : t0.tableTower()).layers();
      for (int j = 1; j < layers.size(); j++) {
        for (int k = 0; k < layers.get(j).sumcheck().rounds().size(); k++) {
          for (int delta : new int[] {-1, 1}) {
            List<List<Fr>> rounds = new ArrayList<>(layers.get(j).sumcheck().rounds());
            List<Fr> round = new ArrayList<>(rounds.get(k));
            if (delta > 0) {
              round.add(Fr.ZERO); // same values at 0..3, one degree more
            } else {
              round.remove(round.size() - 1);
            }
            rounds.set(k, round);
            List<TowerProof.Layer> ls = new ArrayList<>(layers);
            ls.set(j, new TowerProof.Layer(new SumcheckProof(rounds), layers.get(j).children()));
            LogupProof bad = new LogupProof(List.of(withTower(t0, which, new TowerProof(ls)), p.tables().get(1)));
            assertTrue(!logupAccepts(GkrCodec.encode(bad)),
                "tower " + which + " layer " + j + " round " + k + " " + delta);
          }
        }
      }
      List<TowerProof.Layer> fewer = layers.subList(0, layers.size() - 1);
      List<TowerProof.Layer> more = new ArrayList<>(layers);
      more.add(layers.get(layers.size() - 1));
      for (List<TowerProof.Layer> ls : List.of(fewer, more)) {
        LogupProof bad = new LogupProof(List.of(withTower(t0, which, new TowerProof(ls)), p.tables().get(1)));
        assertTrue(!logupAccepts(GkrCodec.encode(bad)), "tower " + which + " with " + ls.size() + " layers");
      }
    }
    // the two towers swapped: each has the other's number of layers (the 32-row lookups into a 16-row table)
    assertTrue(!logupAccepts(GkrCodec.encode(new LogupProof(List.of(new LogupProof.TableProof(
        t0.tableTower(), t0.lookupTower(), t0.columnEvals(), t0.multiplicityEval()), p.tables().get(1))))));
    List<Fr> moreCols = new ArrayList<>(t0.columnEvals());
    moreCols.add(Fr.ONE);
    assertTrue(!logupAccepts(GkrCodec.encode(new LogupProof(List.of(new LogupProof.TableProof(
        t0.lookupTower(), t0.tableTower(), moreCols, t0.multiplicityEval()), p.tables().get(1))))));
    assertTrue(!logupAccepts(GkrCodec.encode(new LogupProof(List.of(t0)))));
    assertTrue(!logupAccepts(GkrCodec.encode(new LogupProof(List.of(t0, p.tables().get(1), t0)))));
  }

  @Test
  void cutGrownAndFlippedBytesAreRejectedWithoutExceptions() {
    for (boolean isLogup : new boolean[] {true, false}) {
      byte[] good = isLogup ? GkrCodec.encode(logup()) : GkrCodec.encode(reduction());
      List<byte[]> variants = new ArrayList<>();
      for (int len = 0; len < good.length; len++) {
        variants.add(Arrays.copyOf(good, len));
      }
      for (byte[] tail : new byte[][] {{0}, {1, 2, 3}, {(byte) 0xff, (byte) 0xff}, {0x0a, 0x00}}) {
        byte[] longer = Arrays.copyOf(good, good.length + tail.length);
        System.arraycopy(tail, 0, longer, good.length, tail.length);
        variants.add(longer);
      }
      for (int i = 0; i < good.length; i++) {
        byte[] flipped = good.clone();
        flipped[i] ^= 0x01;
        variants.add(flipped);
      }
      int i = 0;
      for (byte[] v : variants) {
        boolean accepted = isLogup ? logupAccepts(v) : openingAccepts(v);
        assertTrue(!accepted, (isLogup ? "logUp" : "opening") + " variant " + i++ + " of a proof of "
            + good.length + " bytes, " + v.length + " bytes: " + java.util.HexFormat.of().formatHex(v, 0, Math.min(8, v.length)));
      }
    }
  }
}

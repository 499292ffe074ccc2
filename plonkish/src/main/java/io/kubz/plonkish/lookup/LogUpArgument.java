package io.kubz.plonkish.lookup;

import io.kubz.field.Fr;
import io.kubz.lookup.logup.LogUp;
import io.kubz.lookup.logup.TupleIndex;
import io.kubz.lookup.table.TableColumns;
import io.kubz.lookup.table.TableSpec;
import io.kubz.plonkish.ir.Argument;
import io.kubz.plonkish.ir.ArgumentContext;
import io.kubz.plonkish.ir.Column;
import io.kubz.plonkish.ir.ColumnAllocator;
import io.kubz.plonkish.ir.Expression;
import io.kubz.plonkish.ir.Expression.DomainPoly;
import io.kubz.plonkish.ir.Gate;
import io.kubz.plonkish.ir.Trace;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * logUp (io.kubz.lookup.logup) as a plonkish {@link Argument}. Per table: its fixed columns (fixed
 * tables only), a multiplicity column m committed with the circuit's last phase P, challenges θ
 * (tuple compression, only if some table has several columns) and α drawn after P, and in phase
 * P+1 helper columns h_g (queries grouped so that no constraint exceeds the circuit's degree, at
 * least 3) and a running sum φ. With a = 1 − L_u − Σ_{i&gt;u} L_i (the usable rows):
 * <pre>
 *   a·(h_g·Π_{k∈g}(α − f_k) − Σ_{k∈g} s_k·Π_{j∈g, j≠k}(α − f_j)) = 0
 *   a·((φ(ωX) − φ(X) − Σ_g h_g)·(α − t) + m) = 0
 *   L_0·φ = 0,   L_u·φ = 0
 *   a·(1 − q_t)·m = 0                        (tables built from the trace, q_t their selector)
 * </pre>
 * Fixed tables take one row per entry; rows past the table repeat its first entry. A fixed table
 * longer than the u usable rows is cut into chunks of u rows t_0, t_1, …, each with its own
 * multiplicities m_c; chunks c ≥ 1 get a helper g_c with a·(g_c·(α − t_c) − m_c) = 0 and enter the
 * running sum as − Σ_{c≥1} g_c next to Σ_g h_g (so a table of S entries costs S rows in all, over
 * ⌈S/u⌉ columns, whatever the domain).
 */
public final class LogUpArgument implements Argument {

  /** A queried tuple absent from its table, for the MockProver. */
  public record Missing(String lookup, String table, int row, List<Fr> tuple) {}

  /** Rows [c·u, (c+1)·u) of a table: its fixed columns (none for a dynamic table), m, and g (c ≥ 1). */
  private record Chunk(List<Column.Fixed> columns, Column.Advice m, Column.Advice g) {}

  private record Part(LookupTable table, List<Chunk> chunks, List<LookupQuery> queries,
      List<int[]> groups, List<Column.Advice> helpers, Column.Advice phi) {

    List<Expression> tableExprs(int chunk) {
      if (table instanceof LookupTable.Dynamic d) {
        return d.columns();
      }
      List<Expression> out = new ArrayList<>();
      chunks.get(chunk).columns().forEach(c -> out.add(new Expression.Cell(c, 0)));
      return out;
    }
  }

  private final List<Part> parts;
  private final Expression.Challenge theta;
  private final Expression.Challenge alpha;
  private final int n;
  private final int usable;
  private final List<Gate> gates;
  private final List<Column.Advice> columns;
  private final Map<Integer, TupleIndex> fixedIndex = new ConcurrentHashMap<>();

  private LogUpArgument(List<Part> parts, Expression.Challenge theta, Expression.Challenge alpha, int n, int usable) {
    this.parts = List.copyOf(parts);
    this.theta = theta;
    this.alpha = alpha;
    this.n = n;
    this.usable = usable;
    List<Column.Advice> cols = new ArrayList<>();
    for (Part p : parts) {
      p.chunks().forEach(c -> cols.add(c.m()));
      cols.addAll(p.helpers());
      p.chunks().stream().skip(1).forEach(c -> cols.add(c.g()));
      cols.add(p.phi());
    }
    this.columns = List.copyOf(cols);
    this.gates = buildGates();
  }

  static LogUpArgument configure(ColumnAllocator alloc, ArgumentContext ctx, Map<LookupTable, List<LookupQuery>> byTable) {
    int phase = ctx.lastCircuitPhase();
    int maxDegree = Math.max(3, ctx.circuitDegree());
    boolean tuples = byTable.keySet().stream().anyMatch(t -> t.arity() > 1);
    Expression.Challenge theta = tuples ? alloc.challenge(phase) : null;
    Expression.Challenge alpha = alloc.challenge(phase);
    List<Part> parts = new ArrayList<>();
    int n = 1 << ctx.k();
    int usable = n - ctx.blinding() - 1;
    for (Map.Entry<LookupTable, List<LookupQuery>> e : byTable.entrySet()) {
      LookupTable t = e.getKey();
      int numChunks = t instanceof LookupTable.Fixed f ? (int) ((f.spec().size() + usable - 1) / usable) : 1;
      List<Chunk> chunks = new ArrayList<>();
      for (int c = 0; c < numChunks; c++) {
        List<Column.Fixed> tcols = new ArrayList<>();
        if (t instanceof LookupTable.Fixed) {
          for (int j = 0; j < t.arity(); j++) {
            tcols.add(alloc.fixed());
          }
        }
        chunks.add(new Chunk(List.copyOf(tcols), alloc.advice(phase), c == 0 ? null : alloc.advice(phase + 1)));
      }
      List<int[]> groups = group(e.getValue(), maxDegree);
      List<Column.Advice> helpers = new ArrayList<>();
      for (int g = 0; g < groups.size(); g++) {
        helpers.add(alloc.advice(phase + 1));
      }
      Column.Advice phi = alloc.advice(phase + 1);
      parts.add(new Part(t, List.copyOf(chunks), List.copyOf(e.getValue()), groups, List.copyOf(helpers), phi));
    }
    return new LogUpArgument(parts, theta, alpha, n, usable);
  }

  /** Greedy grouping of queries: a group's helper constraint keeps degree ≤ maxDegree if it can. */
  private static List<int[]> group(List<LookupQuery> queries, int maxDegree) {
    List<int[]> out = new ArrayList<>();
    List<Integer> cur = new ArrayList<>();
    for (int k = 0; k < queries.size(); k++) {
      cur.add(k);
      if (cur.size() > 1 && helperDegree(queries, cur) > maxDegree) {
        cur.remove(cur.size() - 1);
        out.add(cur.stream().mapToInt(Integer::intValue).toArray());
        cur = new ArrayList<>(List.of(k));
      }
    }
    out.add(cur.stream().mapToInt(Integer::intValue).toArray());
    return out;
  }

  /** Degree of a·(h·Π(α − f_k) − Σ s_k·Π_{j≠k}(α − f_j)). */
  private static int helperDegree(List<LookupQuery> queries, List<Integer> group) {
    int sumF = 0;
    for (int k : group) {
      sumF += inputDegree(queries.get(k));
    }
    int d = 1 + sumF;
    for (int k : group) {
      LookupQuery q = queries.get(k);
      int ds = q.selector() == null ? 0 : q.selector().degree();
      d = Math.max(d, ds + sumF - inputDegree(q));
    }
    return 1 + d;
  }

  private static int inputDegree(LookupQuery q) {
    int d = 0;
    for (Expression e : q.inputs()) {
      d = Math.max(d, e.degree());
    }
    return d;
  }

  private Expression compress(List<Expression> tuple) {
    Expression acc = tuple.get(tuple.size() - 1);
    for (int j = tuple.size() - 2; j >= 0; j--) {
      acc = acc.mul(theta).add(tuple.get(j));
    }
    return acc;
  }

  private List<Gate> buildGates() {
    Expression first = new Expression.Domain(DomainPoly.FIRST);
    Expression last = new Expression.Domain(DomainPoly.LAST);
    Expression active = Expression.constant(1).sub(last).sub(new Expression.Domain(DomainPoly.BLIND));
    List<Gate> out = new ArrayList<>();
    for (Part p : parts) {
      String tag = "lookup " + p.table().id() + ": ";
      Expression hsum = Expression.constant(0);
      for (int g = 0; g < p.groups().size(); g++) {
        int[] group = p.groups().get(g);
        Expression h = new Expression.Cell(p.helpers().get(g), 0);
        List<Expression> dens = new ArrayList<>();
        for (int k : group) {
          dens.add(alpha.sub(compress(p.queries().get(k).inputs())));
        }
        Expression lhs = h;
        for (Expression d : dens) {
          lhs = lhs.mul(d);
        }
        Expression rhs = Expression.constant(0);
        for (int a = 0; a < group.length; a++) {
          Expression sel = p.queries().get(group[a]).selector();
          Expression term = sel == null ? Expression.constant(1) : sel;
          for (int b = 0; b < group.length; b++) {
            if (b != a) {
              term = term.mul(dens.get(b));
            }
          }
          rhs = rhs.add(term);
        }
        StringBuilder names = new StringBuilder();
        for (int k : group) {
          names.append(names.length() == 0 ? "" : ", ").append(p.queries().get(k).name());
        }
        out.add(new Gate(tag + "helper " + g + " (" + names + ")", List.of(active.mul(lhs.sub(rhs)))));
        hsum = hsum.add(h);
      }
      for (int c = 1; c < p.chunks().size(); c++) {
        Expression g = new Expression.Cell(p.chunks().get(c).g(), 0);
        Expression mc = new Expression.Cell(p.chunks().get(c).m(), 0);
        out.add(new Gate(tag + "table chunk " + c, List.of(active.mul(g.mul(alpha.sub(compress(p.tableExprs(c)))).sub(mc)))));
        hsum = hsum.sub(g);
      }
      Expression phi = new Expression.Cell(p.phi(), 0);
      Expression phiNext = new Expression.Cell(p.phi(), 1);
      Expression m = new Expression.Cell(p.chunks().get(0).m(), 0);
      Expression t = compress(p.tableExprs(0));
      out.add(new Gate(tag + "running sum", List.of(active.mul(phiNext.sub(phi).sub(hsum).mul(alpha.sub(t)).add(m)))));
      out.add(new Gate(tag + "running sum starts at 0", List.of(first.mul(phi))));
      out.add(new Gate(tag + "running sum ends at 0", List.of(last.mul(phi))));
      if (p.table() instanceof LookupTable.Dynamic d) {
        out.add(new Gate(tag + "multiplicity only on table rows",
            List.of(active.mul(Expression.constant(1).sub(d.selector())).mul(m))));
      }
    }
    return List.copyOf(out);
  }

  @Override
  public String name() {
    return "logup";
  }

  @Override
  public List<Gate> gates() {
    return gates;
  }

  @Override
  public List<Column.Advice> columns() {
    return columns;
  }

  @Override
  public void fillFixed(long[][] fixed) {
    for (Part p : parts) {
      if (p.table() instanceof LookupTable.Fixed f) {
        for (int c = 0; c < p.chunks().size(); c++) {
          for (int j = 0; j < f.arity(); j++) {
            TableColumns.fillSlice(f.spec(), j, (long) c * usable, fixed[p.chunks().get(c).columns().get(j).index()], n);
          }
        }
      }
    }
  }

  @Override
  public void fill(int phase, Trace trace, Fr[] challenges) {
    if (parts.isEmpty()) {
      return;
    }
    int mPhase = parts.get(0).chunks().get(0).m().phase();
    if (phase == mPhase) {
      fillMultiplicities(trace, challenges);
    } else if (phase == mPhase + 1) {
      fillSums(trace, challenges);
    }
  }

  /**
   * The index of a table's rows: for a fixed table, all S entries in order (row j lies in chunk
   * j / u at offset j mod u), built once; for a dynamic table, its selected usable rows.
   */
  private TupleIndex index(int part, RowValues rows) {
    Part p = parts.get(part);
    if (p.table() instanceof LookupTable.Dynamic d) {
      return TupleIndex.build(tableColumns(p, 0, rows), usable, rows.of(d.selector()));
    }
    TableSpec spec = ((LookupTable.Fixed) p.table()).spec();
    return fixedIndex.computeIfAbsent(part, x -> {
      int size = Math.toIntExact(spec.size());
      return TupleIndex.build(TableColumns.all(spec, size), size, null);
    });
  }

  private long[][] tableColumns(Part p, int chunk, RowValues rows) {
    List<Expression> exprs = p.tableExprs(chunk);
    long[][] out = new long[exprs.size()][];
    for (int c = 0; c < out.length; c++) {
      out[c] = rows.of(exprs.get(c));
    }
    return out;
  }

  private static long[][] inputs(LookupQuery q, RowValues rows) {
    long[][] out = new long[q.inputs().size()][];
    for (int c = 0; c < out.length; c++) {
      out[c] = rows.of(q.inputs().get(c));
    }
    return out;
  }

  private int indexedRows(Part p) {
    return p.table() instanceof LookupTable.Fixed f ? Math.toIntExact(f.spec().size()) : usable;
  }

  private void fillMultiplicities(Trace trace, Fr[] challenges) {
    RowValues rows = new RowValues(trace, challenges, usable);
    for (int i = 0; i < parts.size(); i++) {
      Part p = parts.get(i);
      TupleIndex idx = index(i, rows);
      int size = indexedRows(p);
      long[] m = new long[4 * size];
      for (LookupQuery q : p.queries()) {
        LogUp.count(idx, inputs(q, rows), q.selector() == null ? null : rows.of(q.selector()), usable, m, null);
      }
      for (int c = 0; c < p.chunks().size(); c++) {
        long[] col = trace.advice()[p.chunks().get(c).m().index()];
        int from = c * usable;
        int len = Math.min(usable, size - from);
        System.arraycopy(m, 4 * from, col, 0, 4 * len);
        java.util.Arrays.fill(col, 4 * len, 4 * usable, 0L);
      }
    }
  }

  private void fillSums(Trace trace, Fr[] challenges) {
    RowValues rows = new RowValues(trace, challenges, usable);
    long[] th = new long[4];
    if (theta != null) {
      challenges[theta.index()].writeTo(th, 0);
    }
    long[] al = new long[4];
    challenges[alpha.index()].writeTo(al, 0);
    for (Part p : parts) {
      long[] hsum = new long[4 * usable];
      for (int g = 0; g < p.groups().size(); g++) {
        int[] group = p.groups().get(g);
        long[][] f = new long[group.length][];
        long[][] s = new long[group.length][];
        for (int a = 0; a < group.length; a++) {
          LookupQuery q = p.queries().get(group[a]);
          f[a] = new long[4 * usable];
          LogUp.compress(inputs(q, rows), th, usable, f[a]);
          s[a] = q.selector() == null ? null : rows.of(q.selector());
        }
        long[] h = new long[4 * usable];
        LogUp.inverseSum(al, f, s, usable, h);
        System.arraycopy(h, 0, trace.advice()[p.helpers().get(g).index()], 0, 4 * usable);
        for (int i = 0; i < usable; i++) {
          Fr.add(hsum, 4 * i, hsum, 4 * i, h, 4 * i);
        }
      }
      // chunks c ≥ 1: g_c = m_c/(α − t_c), subtracted from the queries' side
      for (int c = 1; c < p.chunks().size(); c++) {
        Chunk ch = p.chunks().get(c);
        long[] t = new long[4 * usable];
        LogUp.compress(tableColumns(p, c, rows), th, usable, t);
        long[] g = new long[4 * usable];
        LogUp.inverseSum(al, new long[][] {t}, new long[][] {trace.advice()[ch.m().index()]}, usable, g);
        System.arraycopy(g, 0, trace.advice()[ch.g().index()], 0, 4 * usable);
        for (int i = 0; i < usable; i++) {
          Fr.sub(hsum, 4 * i, hsum, 4 * i, g, 4 * i);
        }
      }
      long[] t = new long[4 * usable];
      LogUp.compress(tableColumns(p, 0, rows), th, usable, t);
      long[] phi = new long[4 * (usable + 1)];
      LogUp.runningSum(al, hsum, trace.advice()[p.chunks().get(0).m().index()], t, usable, phi);
      System.arraycopy(phi, 0, trace.advice()[p.phi().index()], 0, 4 * (usable + 1));
    }
  }

  /**
   * What the argument reads from the trace, for the MockProver: every query, and every table built
   * from the trace as a query named after the table (its selector and columns).
   */
  public List<LookupQuery> reads() {
    List<LookupQuery> out = new ArrayList<>();
    for (Part p : parts) {
      out.addAll(p.queries());
      if (p.table() instanceof LookupTable.Dynamic d) {
        out.add(new LookupQuery("table " + d.name(), d.selector(), d.columns()));
      }
    }
    return out;
  }

  /** Every queried tuple that is not in its table, in table then lookup then row order. */
  public List<Missing> missing(Trace trace, Fr[] challenges) {
    RowValues rows = new RowValues(trace, challenges, usable);
    List<Missing> out = new ArrayList<>();
    for (int i = 0; i < parts.size(); i++) {
      Part p = parts.get(i);
      TupleIndex idx = index(i, rows);
      long[] scratch = new long[4 * indexedRows(p)];
      for (LookupQuery q : p.queries()) {
        long[][] in = inputs(q, rows);
        LogUp.count(idx, in, q.selector() == null ? null : rows.of(q.selector()), usable, scratch, row -> {
          List<Fr> tuple = new ArrayList<>();
          for (long[] c : in) {
            tuple.add(Fr.readFrom(c, 4 * row));
          }
          out.add(new Missing(q.name(), p.table().id(), row, List.copyOf(tuple)));
        });
      }
    }
    return out;
  }
}

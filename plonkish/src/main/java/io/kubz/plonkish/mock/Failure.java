package io.kubz.plonkish.mock;

import io.kubz.field.Fr;
import io.kubz.plonkish.ir.Column;
import io.kubz.plonkish.ir.CopyConstraint;
import java.util.List;
import java.util.Map;

/** One reason a witness does not satisfy its circuit, with the cells involved and their values. */
public sealed interface Failure {

  /** {@code gate}'s polynomial number {@code poly} is non-zero on {@code row}. */
  record GateFailure(String gate, int poly, int row, List<String> regions, Map<String, Fr> cells, boolean blindingRow)
      implements Failure {
    @Override
    public String toString() {
      return "gate '" + gate + "' (poly " + poly + ") fails on row " + row
          + (regions.isEmpty() ? "" : " in region " + String.join(", ", regions))
          + (blindingRow ? " (a blinding row: enable the gate with a selector)" : "")
          + "; cells " + cells;
    }
  }

  /** The two cells of a copy constraint differ. */
  record CopyFailure(CopyConstraint copy, Fr left, Fr right, List<String> leftRegions, List<String> rightRegions)
      implements Failure {
    @Override
    public String toString() {
      return "copy " + copy + " fails: " + copy.a() + "@" + copy.rowA() + leftRegions + " = " + left
          + " but " + copy.b() + "@" + copy.rowB() + rightRegions + " = " + right;
    }
  }

  /** The tuple {@code values} queried by lookup {@code lookup} on {@code row} is not a row of {@code table}. */
  record LookupFailure(String lookup, String table, int row, List<String> regions, List<Fr> values) implements Failure {
    @Override
    public String toString() {
      return "lookup '" + lookup + "' fails on row " + row
          + (regions.isEmpty() ? "" : " in region " + String.join(", ", regions))
          + ": " + (values.size() == 1 ? values.get(0).toSignedBigInteger().toString() : signed(values))
          + " is not in table " + table;
    }

    private static String signed(List<Fr> values) {
      StringBuilder sb = new StringBuilder("(");
      for (int i = 0; i < values.size(); i++) {
        sb.append(i == 0 ? "" : ", ").append(values.get(i).toSignedBigInteger());
      }
      return sb.append(')').toString();
    }
  }

  /**
   * {@code reader} (a gate polynomial or a lookup) on {@code row} depends on advice cell
   * {@code column}@{@code cellRow}, which synthesis never assigned ({@link Unassigned}).
   */
  record CellNotAssigned(String reader, int row, List<String> regions, Column column, int cellRow,
      List<String> cellRegions) implements Failure {
    @Override
    public String toString() {
      return reader + " on row " + row + (regions.isEmpty() ? "" : " in region " + String.join(", ", regions))
          + " reads " + column + "@" + cellRow
          + (cellRegions.isEmpty() ? " (in no region)" : " (region " + String.join(", ", cellRegions) + ")")
          + ", which synthesis never assigned: its value is the prover's free choice; assign it (a copy of a"
          + " constant, say) or switch the constraint off there";
    }
  }
}

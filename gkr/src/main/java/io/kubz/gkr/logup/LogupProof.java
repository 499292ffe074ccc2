package io.kubz.gkr.logup;

import io.kubz.field.Fr;
import java.util.List;

/** One {@link TableProof} per table, in the order of the shapes. */
public record LogupProof(List<TableProof> tables) {
  public LogupProof {
    tables = List.copyOf(tables);
  }

  /**
   * A table's two towers (the lookups', then the table's) and the leaf evaluations: input columns
   * at the lookup tower's point and multiplicities at the table tower's point.
   */
  public record TableProof(TowerProof lookupTower, TowerProof tableTower, List<Fr> columnEvals,
      Fr multiplicityEval) {
    public TableProof {
      columnEvals = List.copyOf(columnEvals);
    }
  }

  /**
   * What the caller must discharge for one table: every input column's MLE at columnPoint equals
   * columnValues, and the multiplicities' MLE at multiplicityPoint equals multiplicityValue.
   */
  public record Claims(Table table, long[] columnPoint, List<Fr> columnValues,
      long[] multiplicityPoint, Fr multiplicityValue) {}
}

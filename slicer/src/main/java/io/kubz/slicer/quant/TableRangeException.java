package io.kubz.slicer.quant;

import io.kubz.field.BadInputException;

/** An input of a lookup table fell outside the range that calibration chose for it. */
public final class TableRangeException extends BadInputException {
  private static final long serialVersionUID = 1L;

  TableRangeException(String node, String table, long value, long min, long max) {
    super(node + ": value " + value + " is outside the range [" + min + ", " + max + "] of its lookup table "
        + table + "; calibrate with inputs like this one (kubz calibrate --samples) or raise margin_bits");
  }
}

package dev.aiscan.connectors.source.internal.model;

import java.util.Map;

/**
 * A bounded walk over the first fields of a protobuf message, to tell a serialised model from
 * random bytes. Protobuf has no magic number, so the check is structural: a version field first,
 * then fields whose numbers and wire types are those of the message, with lengths that fit in the
 * file.
 */
final class Protobuf {
  private static final int VARINT = 0;
  private static final int FIXED64 = 1;
  private static final int LENGTH_DELIMITED = 2;
  private static final int FIXED32 = 5;
  private static final int MAX_FIELDS = 16;
  private static final long RAN_OUT = -1;
  private static final long OVERLONG = -2;

  /** ONNX {@code ModelProto} field numbers and their wire types. */
  static final Map<Integer, Integer> ONNX_MODEL_FIELDS =
      Map.ofEntries(
          Map.entry(2, LENGTH_DELIMITED), // producer_name
          Map.entry(3, LENGTH_DELIMITED), // producer_version
          Map.entry(4, LENGTH_DELIMITED), // domain
          Map.entry(5, VARINT), // model_version
          Map.entry(6, LENGTH_DELIMITED), // doc_string
          Map.entry(7, LENGTH_DELIMITED), // graph
          Map.entry(8, LENGTH_DELIMITED), // opset_import
          Map.entry(14, LENGTH_DELIMITED), // metadata_props
          Map.entry(20, LENGTH_DELIMITED), // training_info
          Map.entry(25, LENGTH_DELIMITED), // functions
          Map.entry(26, LENGTH_DELIMITED)); // configuration

  private Protobuf() {}

  /**
   * Whether {@code h} starts with field 1 as a varint in {@code [min, max]} followed by at least
   * one more well-formed field; with {@code fields}, only those field numbers and wire types.
   */
  static boolean startsWithVersion(
      byte[] h, long size, int min, int max, Map<Integer, Integer> fields) {
    if (h.length < 3 || h[0] != 0x08) {
      return false;
    }
    int[] pos = {1};
    long version = varint(h, pos);
    if (version < min || version > max) {
      return false;
    }
    int seen = 0;
    while (pos[0] < h.length && seen < MAX_FIELDS) {
      long tag = varint(h, pos);
      if (tag < 0) {
        return tag == RAN_OUT && seen > 0;
      }
      long field = tag >>> 3;
      int wire = (int) (tag & 7);
      if (field < 1 || field > 536_870_911L) {
        return false;
      }
      if (fields != null
          ? !Integer.valueOf(wire).equals(fields.get((int) field))
          : !(wire == VARINT || wire == FIXED64 || wire == LENGTH_DELIMITED || wire == FIXED32)) {
        return false;
      }
      switch (wire) {
        case VARINT -> {
          long value = varint(h, pos);
          if (value < 0) {
            return value == RAN_OUT && seen > 0;
          }
        }
        case FIXED64 -> pos[0] += 8;
        case FIXED32 -> pos[0] += 4;
        default -> {
          long length = varint(h, pos);
          if (length < 0) {
            return length == RAN_OUT && seen > 0;
          }
          if (pos[0] + length > size) {
            return false;
          }
          pos[0] = (int) Math.min(pos[0] + length, Integer.MAX_VALUE);
        }
      }
      seen++;
    }
    return seen > 0;
  }

  /**
   * Reads a varint at {@code pos[0]} and advances: {@link #RAN_OUT} past the bytes given, {@link
   * #OVERLONG} beyond 63 bits (nothing in these headers is that large).
   */
  private static long varint(byte[] h, int[] pos) {
    long value = 0;
    for (int shift = 0; shift < 63; shift += 7) {
      if (pos[0] >= h.length) {
        return RAN_OUT;
      }
      int b = h[pos[0]++] & 0xff;
      value |= (long) (b & 0x7f) << shift;
      if ((b & 0x80) == 0) {
        return value;
      }
    }
    return OVERLONG;
  }
}

#!/usr/bin/env python3
"""Generates field/src/main/java/io/kubz/field/internal/MontFr.java and MontFq.java: the Montgomery
product and square for one BN254 prime, unrolled, with the modulus as static finals. Run from the
repository root:
    python3 field/tools/gen_mont.py

Why radix 2^52 inside a 4 x 64-bit API. Java has no add-with-carry and its multiplyHigh is signed,
so a 64-bit-limb CIOS spends most of its ~1,200 x86 instructions on carry detection (5 ops per
carry, 4 carries per limb product) and sign corrections. Here each operand is re-split into five
52-bit limbs a, b and kept as h = a<<11, g = b<<1: then h*g = a*b*2^12, so the 64-bit product
shifted right by 12 is lo = a*b mod 2^52 and multiplyHigh(h, g) is hi = floor(a*b / 2^52) (both
factors are below 2^63, so the signed high product is exact; m and p are kept shifted the same way), and a
column of the schoolbook sum collects at most 21 such 52-bit terms, so it never overflows a long:
no carries inside the accumulation at all. The reduction is finely integrated product scanning
(Koc, Acar, Kaliski: "Analyzing and comparing Montgomery multiplication algorithms", IEEE Micro
1996): column k fixes m_k = col_k * (-p^-1) mod 2^52, adds m_k*p, shifts out 52 zero bits.

That computes REDC_260(a*b) = a*b/2^260; the stored elements use R = 2^256. Splitting y shifted
left by 4 bits (16y < 2^258 still fits five limbs) gives a*16y/2^260 = x*y/2^256 exactly. Bound:
x, y < p < 2^254 gives a result below (16p^2 + 2^260 p)/2^260 < 2p, packed back into four 64-bit
limbs and reduced once. The square splits 4x (so (4x)^2 = 16x^2) and computes each cross product
once, doubled. Measured 15-25% fewer ns than the 64-bit CIOS on JDK 17 and 25 on the 2-vCPU EPYC
(~870 instead of ~1,190 compiled instructions).
"""

MASK = (1 << 52) - 1


def split(src, shift, dst):
    """Five 52-bit limbs of (four 64-bit limbs src0..3) << shift, shift in 0..4."""
    s = shift
    return [
        f"{dst}0 = ({src}0 << {s}) & M" if s else f"{dst}0 = {src}0 & M",
        f"{dst}1 = (({src}0 >>> {52 - s}) | ({src}1 << {12 + s})) & M",
        f"{dst}2 = (({src}1 >>> {40 - s}) | ({src}2 << {24 + s})) & M",
        f"{dst}3 = (({src}2 >>> {28 - s}) | ({src}3 << {36 + s})) & M",
        f"{dst}4 = {src}3 >>> {16 - s}",
    ]


def columns(terms_ab):
    """FIPS Montgomery over 10 columns; terms_ab(k) lists the product terms of column k."""
    out = []
    for k in range(10):
        terms = list(terms_ab(k))
        for i in range(min(k, 5)):
            j = k - i
            if j < 5:
                terms.append(f"((n{i} * Q{j}) >>> 12)")
        for i in range(5):
            j = k - 1 - i
            if 0 <= j < 5:
                terms.append(f"Math.multiplyHigh(n{i}, Q{j})")
        out.append(f"    // column {k}")
        out.append("    s += " + "\n        + ".join(terms) + ";")
        if k < 5:
            out.append(f"    n{k} = ((s * INV) << 12) >>> 1;")
            out.append(f"    s = (s + ((n{k} * Q0) >>> 12)) >>> 52;")
        else:
            out.append(f"    long r{k - 5} = s & M;")
            if k < 9:
                out.append("    s >>>= 52;")
    return out


def mul_terms(k):
    for i in range(5):
        j = k - i
        if 0 <= j < 5:
            yield f"((h{i} * g{j}) >>> 12)"
    for i in range(5):
        j = k - 1 - i
        if 0 <= j < 5:
            yield f"Math.multiplyHigh(h{i}, g{j})"


def square_terms(k):
    # a = 4x; cross products a_i*a_j (i < j) doubled: lo via (2a_i)*a_j, hi via (a_i<<11)*(a_j<<2)
    for i in range(5):
        j = k - i
        if i < j < 5:
            yield f"((h{i} * f{j}) >>> 12)"
        elif i == j:
            yield f"((h{i} * g{i}) >>> 12)"
    for i in range(5):
        j = k - 1 - i
        if i < j < 5:
            yield f"Math.multiplyHigh(h{i}, f{j})"
        elif i == j:
            yield f"Math.multiplyHigh(h{i}, g{i})"


def tail():
    return [
        "    long t0 = r0 | (r1 << 52), t1 = (r1 >>> 12) | (r2 << 40), t2 = (r2 >>> 24) | (r3 << 28),",
        "        t3 = (r3 >>> 36) | (r4 << 16);",
    ]


def mul_body():
    b = ["    long x0 = x[xo], x1 = x[xo + 1], x2 = x[xo + 2], x3 = x[xo + 3];",
         "    long y0 = y[yo], y1 = y[yo + 1], y2 = y[yo + 2], y3 = y[yo + 3];"]
    b.append("    long " + ", ".join(split("x", 0, "a")) + ";")
    b.append("    long " + ", ".join(split("y", 4, "b")) + ";")
    b.append("    long " + ", ".join(f"h{i} = a{i} << 11" for i in range(5)) + ";")
    b.append("    long " + ", ".join(f"g{i} = b{i} << 1" for i in range(5)) + ";")
    b.append("    long s = 0, n0, n1, n2, n3, n4;")
    return "\n".join(b + columns(mul_terms) + tail())


def square_body():
    b = ["    long x0 = x[xo], x1 = x[xo + 1], x2 = x[xo + 2], x3 = x[xo + 3];"]
    b.append("    long " + ", ".join(split("x", 2, "a")) + ";")
    b.append("    long " + ", ".join(f"h{i} = a{i} << 11" for i in range(5)) + ";")
    b.append("    long " + ", ".join(f"g{i} = a{i} << 1" for i in range(5)) + ";")
    b.append("    long " + ", ".join(f"f{i} = a{i} << 2" for i in range(1, 5)) + ";")
    b.append("    long s = 0, n0, n1, n2, n3, n4;")
    return "\n".join(b + columns(square_terms) + tail())


mul = mul_body()
sq = square_body()
for name, field, letter in [('MontFr', 'Fr', 'r'), ('MontFq', 'Fq', 'q')]:
    src = f'''package io.kubz.field.internal;

/**
 * The Montgomery product and square for {{@code {field}}} (R = 2^256, four 64-bit limbs in and out),
 * computed in radix 2^52 so that no carry is tracked while products accumulate. The method, its
 * bounds and the measurements are in the generator, field/tools/gen_mont.py, which writes MontFr
 * and MontFq from one template; do not edit this file by hand. Inputs must be below {letter};
 * outputs may alias inputs.
 */
public final class {name} {{
  private static final long p0 = Mont4.limb(Moduli.{letter.upper()}, 0);
  private static final long p1 = Mont4.limb(Moduli.{letter.upper()}, 1);
  private static final long p2 = Mont4.limb(Moduli.{letter.upper()}, 2);
  private static final long p3 = Mont4.limb(Moduli.{letter.upper()}, 3);
  private static final long M = (1L << 52) - 1;
  /** -{letter}^-1 mod 2^52. */
  private static final long INV = Moduli.minusInverse64(Moduli.{letter.upper()}) & M;
  /** {letter} in five 52-bit limbs, and each shifted left by one (the second factor of a high product). */
  private static final long P0 = Mont4.limb52(Moduli.{letter.upper()}, 0), P1 = Mont4.limb52(Moduli.{letter.upper()}, 1),
      P2 = Mont4.limb52(Moduli.{letter.upper()}, 2), P3 = Mont4.limb52(Moduli.{letter.upper()}, 3), P4 = Mont4.limb52(Moduli.{letter.upper()}, 4);
  private static final long Q0 = P0 << 1, Q1 = P1 << 1, Q2 = P2 << 1, Q3 = P3 << 1, Q4 = P4 << 1;

  private {name}() {{}}

  /** z = x · y / 2^256 mod {letter}. */
  public static void mul(long[] z, int zo, long[] x, int xo, long[] y, int yo) {{
{mul}
    Mont4.reduceOnce(z, zo, t0, t1, t2, t3, p0, p1, p2, p3);
  }}

  /** z = x² / 2^256 mod {letter}: the product with each cross term computed once and doubled. */
  public static void square(long[] z, int zo, long[] x, int xo) {{
{sq}
    Mont4.reduceOnce(z, zo, t0, t1, t2, t3, p0, p1, p2, p3);
  }}
}}
'''
    open(f'field/src/main/java/io/kubz/field/internal/{name}.java', 'w').write(src)

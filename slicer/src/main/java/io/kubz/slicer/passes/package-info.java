/**
 * Graph rewrites applied after import: batch normalisation folded into the preceding Conv or Gemm
 * (W' = a·W, b' = a·(b − μ) + β with a = γ/√(σ² + ε), Ioffe &amp; Szegedy 2015, §3.2) and GELU
 * pattern fusion (Hendrycks &amp; Gimpel 2016: x·Φ(x) and its tanh approximation), and layer / instance
 * normalisation (Ba et al. 2016; Ulyanov et al. 2016) written out as (x − μ)/√(σ² + ε)·γ + β over
 * ReduceMean, Sub, Pow, Add, Sqrt, Div, Mul, each of which has a circuit; the non-linear reductions
 * written out (ReduceL1 = Σ|x|, ReduceL2 = √Σx², ReduceLogSumExp = m + ln Σ exp(x − m) with m the
 * maximum), and ONNX's truncating integer Div as a real Div followed by a truncating Cast.
 */
package io.kubz.slicer.passes;

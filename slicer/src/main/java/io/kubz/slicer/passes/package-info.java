/**
 * Graph rewrites applied after import: batch normalisation folded into the preceding Conv or Gemm
 * (W' = a·W, b' = a·(b − μ) + β with a = γ/√(σ² + ε), Ioffe &amp; Szegedy 2015, §3.2) and GELU
 * pattern fusion (Hendrycks &amp; Gimpel 2016: x·Φ(x) and its tanh approximation).
 */
package io.kubz.slicer.passes;

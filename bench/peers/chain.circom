pragma circom 2.0.0;

// The chain circuit that kubz and snarkjs both prove: x_{i+1} = x_i * b + i for N steps, with
// x_0 and b private and x_N public. Each step is one R1CS constraint and one PLONK gate; snarkjs
// adds one gate per public signal, so N = 2^15 - 1 fills a PLONK domain of exactly 2^15 rows.
template Chain(N) {
    signal input x0;
    signal input b;
    signal output out;
    signal x[N + 1];
    x[0] <== x0;
    for (var i = 0; i < N; i++) {
        x[i + 1] <== x[i] * b + i;
    }
    out <== x[N];
}

component main = Chain(32767);

#!/usr/bin/env python3
"""Writes the sequence and transformer fixtures of this folder (issue #17): tiny RWKV-, Mamba-,
xLSTM- and GPT-style blocks exported from PyTorch to ONNX (opset 17, recurrences unrolled over the
fixed sequence length), a seeded input each and onnxruntime's float output on it.

Run it by hand with torch, onnx, onnxruntime and numpy installed (never from the build or the
tests, which only read what it wrote):

    python3 -m venv /tmp/venv
    /tmp/venv/bin/pip install torch onnx onnxruntime numpy
    /tmp/venv/bin/python slicer/src/test/resources/models/sequence/generate.py

Every folder has the layout of the ezkl fixtures (network.onnx, input.json in ezkl's format,
reference_output.json: name, shape, flat data), so the same tests and bench/suite.sh read both.
All blocks map [1, T, D] to [1, T, D] (T = 4, D = 8), which makes rwkv -> mamba -> xlstm a chain of
models (issue #20): mamba/input.json is rwkv's reference output and xlstm/input.json is mamba's, and
pipeline/ is the three blocks merged in one graph (same weights) on rwkv's input.
"""
import json
import math
import os
import sys

import numpy as np
import onnx
import onnxruntime as ort
import torch
import torch.nn as nn
import torch.nn.functional as F

T = 4  # sequence length
D = 8  # hidden size
HERE = os.path.dirname(os.path.abspath(__file__))


def perturb_norms(module, gen):
    """LayerNorm weights 1 + N(0, 0.1²) and biases N(0, 0.1²), so a wrong affine part shows."""
    for m in module.modules():
        if isinstance(m, nn.LayerNorm):
            with torch.no_grad():
                m.weight.add_(0.1 * torch.randn(m.weight.shape, generator=gen))
                m.bias.copy_(0.1 * torch.randn(m.bias.shape, generator=gen))


def shift(x):
    """RWKV's token shift: x[t-1] at position t, zeros at t = 0 (RWKV-4's ZeroPad2d((0, 0, 1, -1)))."""
    return torch.cat([x.new_zeros(1, 1, x.shape[2]), x[:, :-1]], dim=1)


class Rwkv(nn.Module):
    """An RWKV-4 block: time mixing (receptance, key, value, per-channel decay w = -exp(decay) and
    bonus u, the WKV recurrence unrolled), then channel mixing with squared ReLU; pre-LayerNorm and
    residuals. WKV in its plain form (no max-stabiliser), exact for these small values:
        wkv_t = (a + e^(u+k_t) v_t) / (b + e^(u+k_t)),  a <- e^w a + e^k_t v_t,  b <- e^w b + e^k_t."""

    def __init__(self):
        super().__init__()
        self.ln1, self.ln2 = nn.LayerNorm(D), nn.LayerNorm(D)
        self.mix_k, self.mix_v, self.mix_r = (nn.Parameter(torch.rand(D)) for _ in range(3))
        self.key, self.value, self.receptance, self.output = (nn.Linear(D, D, bias=False) for _ in range(4))
        self.decay = nn.Parameter(0.5 * torch.randn(D))
        self.first = nn.Parameter(0.5 * torch.randn(D))
        self.cmix_k, self.cmix_r = (nn.Parameter(torch.rand(D)) for _ in range(2))
        self.ckey, self.cvalue, self.creceptance = (nn.Linear(D, D, bias=False) for _ in range(3))

    def time_mixing(self, x):
        xx = shift(x)
        k = self.key(x * self.mix_k + xx * (1 - self.mix_k))
        v = self.value(x * self.mix_v + xx * (1 - self.mix_v))
        r = torch.sigmoid(self.receptance(x * self.mix_r + xx * (1 - self.mix_r)))
        ew = torch.exp(-torch.exp(self.decay))
        a = torch.zeros(1, D)
        b = torch.zeros(1, D)
        out = []
        for t in range(T):
            kt, vt = k[:, t], v[:, t]
            e1 = torch.exp(self.first + kt)
            out.append((a + e1 * vt) / (b + e1))
            ek = torch.exp(kt)
            a = ew * a + ek * vt
            b = ew * b + ek
        return self.output(r * torch.stack(out, dim=1))

    def channel_mixing(self, x):
        xx = shift(x)
        k = torch.square(torch.relu(self.ckey(x * self.cmix_k + xx * (1 - self.cmix_k))))
        r = torch.sigmoid(self.creceptance(x * self.cmix_r + xx * (1 - self.cmix_r)))
        return r * self.cvalue(k)

    def forward(self, x):
        x = x + self.time_mixing(self.ln1(x))
        return x + self.channel_mixing(self.ln2(x))


class Mamba(nn.Module):
    """A Mamba block (as mamba-minimal writes it): input projection to x and the gate z, causal
    depthwise conv1d, SiLU, a selective scan with Δ = softplus(dt_proj(·)), Ā = exp(Δ·A),
    B̄x = Δ·B·x, h <- Ā h + B̄x, y_t = Σ_n h C_t + D x_t, gated by SiLU(z); pre-LayerNorm, residual."""

    def __init__(self, d_inner=8, d_state=4, dt_rank=2, d_conv=3):
        super().__init__()
        self.d_inner, self.d_state, self.dt_rank = d_inner, d_state, dt_rank
        self.norm = nn.LayerNorm(D)
        self.in_proj = nn.Linear(D, 2 * d_inner, bias=False)
        self.conv1d = nn.Conv1d(d_inner, d_inner, d_conv, groups=d_inner, padding=d_conv - 1)
        self.x_proj = nn.Linear(d_inner, dt_rank + 2 * d_state, bias=False)
        self.dt_proj = nn.Linear(dt_rank, d_inner)
        self.A_log = nn.Parameter(torch.log(torch.arange(1, d_state + 1, dtype=torch.float32)).repeat(d_inner, 1))
        self.D = nn.Parameter(torch.ones(d_inner))
        self.out_proj = nn.Linear(d_inner, D, bias=False)

    def forward(self, x):
        di, n, r = self.d_inner, self.d_state, self.dt_rank
        xz = self.in_proj(self.norm(x))
        xs, z = xz[..., :di], xz[..., di:]
        xs = self.conv1d(xs.transpose(1, 2))[..., :T].transpose(1, 2)  # causal: keep the first T
        xs = F.silu(xs)
        dbc = self.x_proj(xs)
        delta = F.softplus(self.dt_proj(dbc[..., :r]))  # [1, T, di]
        B, C = dbc[..., r:r + n], dbc[..., r + n:]  # [1, T, n]
        A = -torch.exp(self.A_log)  # [di, n]
        h = torch.zeros(1, di, n)
        ys = []
        for t in range(T):
            dt = delta[:, t].unsqueeze(-1)  # [1, di, 1]
            h = torch.exp(dt * A) * h + dt * B[:, t].unsqueeze(1) * xs[:, t].unsqueeze(-1)
            ys.append((h * C[:, t].unsqueeze(1)).sum(-1) + self.D * xs[:, t])
        y = torch.stack(ys, dim=1) * F.silu(z)
        return x + self.out_proj(y)


class Slstm(nn.Module):
    """sLSTM (xLSTM, Beck et al. 2024, eqs. 8–19), one head: z = tanh, o = σ, exponential input
    gate and sigmoid forget gate stabilised by m_t = max(log f̃_t + m_{t-1}, ĩ_t), cell c, normaliser
    n and h = o · c / n; every gate sees x_t and h_{t-1}."""

    def __init__(self):
        super().__init__()
        self.w = nn.ModuleList(nn.Linear(D, D) for _ in range(4))  # z, i, f, o
        self.r = nn.ModuleList(nn.Linear(D, D, bias=False) for _ in range(4))

    def forward(self, x):
        h, c, n, m = (torch.zeros(1, D) for _ in range(4))
        hs = []
        for t in range(T):
            zt, it, ft, ot = (w(x[:, t]) + r(h) for w, r in zip(self.w, self.r))
            log_f = F.logsigmoid(ft)
            m_new = torch.maximum(log_f + m, it)
            i = torch.exp(it - m_new)
            f = torch.exp(log_f + m - m_new)
            c = f * c + i * torch.tanh(zt)
            n = f * n + i
            h = torch.sigmoid(ot) * c / n
            m = m_new
            hs.append(h)
        return torch.stack(hs, dim=1)


class Mlstm(nn.Module):
    """mLSTM (xLSTM, eqs. 20–27), one head: matrix memory C <- f C + i v kᵀ, normaliser
    n <- f n + i k, h = o ⊙ C q / max(|nᵀq|, exp(-m)), scalar exponential gates stabilised by m."""

    def __init__(self):
        super().__init__()
        self.q, self.k, self.v, self.o = (nn.Linear(D, D) for _ in range(4))
        self.i, self.f = nn.Linear(D, 1), nn.Linear(D, 1)

    def forward(self, x):
        C = torch.zeros(1, D, D)
        n = torch.zeros(1, D)
        m = torch.zeros(1, 1)
        hs = []
        for t in range(T):
            xt = x[:, t]
            q, k, v = self.q(xt), self.k(xt) / math.sqrt(D), self.v(xt)
            it, log_f = self.i(xt), F.logsigmoid(self.f(xt))
            m_new = torch.maximum(log_f + m, it)
            i = torch.exp(it - m_new)
            f = torch.exp(log_f + m - m_new)
            C = f.unsqueeze(-1) * C + i.unsqueeze(-1) * (v.unsqueeze(-1) * k.unsqueeze(1))
            n = f * n + i * k
            num = torch.matmul(C, q.unsqueeze(-1)).squeeze(-1)
            den = torch.maximum(torch.abs((n * q).sum(-1, keepdim=True)), torch.exp(-m_new))
            hs.append(torch.sigmoid(self.o(xt)) * num / den)
            m = m_new
        return torch.stack(hs, dim=1)


class Xlstm(nn.Module):
    """An xLSTM block pair: x + sLSTM(LN(x)), then + mLSTM(LN(·))."""

    def __init__(self):
        super().__init__()
        self.ln1, self.ln2 = nn.LayerNorm(D), nn.LayerNorm(D)
        self.slstm, self.mlstm = Slstm(), Mlstm()

    def forward(self, x):
        x = x + self.slstm(self.ln1(x))
        return x + self.mlstm(self.ln2(x))


class Gpt(nn.Module):
    """One nanoGPT layer on embeddings: learned positions, LayerNorm, causal self-attention with
    2 heads (masked_fill of the upper triangle with -inf, softmax), residual, LayerNorm, GELU MLP
    (4·D), residual, final LayerNorm."""

    def __init__(self, heads=2):
        super().__init__()
        self.heads = heads
        self.wpe = nn.Parameter(0.1 * torch.randn(T, D))
        self.ln_1, self.ln_2, self.ln_f = nn.LayerNorm(D), nn.LayerNorm(D), nn.LayerNorm(D)
        self.c_attn = nn.Linear(D, 3 * D)
        self.c_proj = nn.Linear(D, D)
        self.mlp = nn.Sequential(nn.Linear(D, 4 * D), nn.GELU(), nn.Linear(4 * D, D))
        self.register_buffer("bias", torch.tril(torch.ones(T, T)).view(1, 1, T, T))

    def attention(self, x):
        hd = D // self.heads
        qkv = self.c_attn(x)
        q, k, v = (qkv[..., j * D:(j + 1) * D].view(1, T, self.heads, hd).transpose(1, 2) for j in range(3))
        att = (q @ k.transpose(-2, -1)) * (1.0 / math.sqrt(hd))
        att = att.masked_fill(self.bias[:, :, :T, :T] == 0, float("-inf"))
        y = F.softmax(att, dim=-1) @ v
        return self.c_proj(y.transpose(1, 2).contiguous().view(1, T, D))

    def forward(self, x):
        x = x + self.wpe
        x = x + self.attention(self.ln_1(x))
        x = x + self.mlp(self.ln_2(x))
        return self.ln_f(x)


class Pipeline(nn.Module):
    """rwkv -> mamba -> xlstm in one graph, with the weights of the three single models."""

    def __init__(self, rwkv, mamba, xlstm):
        super().__init__()
        self.rwkv, self.mamba, self.xlstm = rwkv, mamba, xlstm

    def forward(self, x):
        return self.xlstm(self.mamba(self.rwkv(x)))


def build(cls, seed):
    torch.manual_seed(seed)
    model = cls()
    perturb_norms(model, torch.Generator().manual_seed(seed + 1))
    return model.eval()


def write(name, model, x):
    """Exports `model` to NAME/network.onnx and writes input.json and reference_output.json."""
    folder = os.path.join(HERE, name)
    os.makedirs(folder, exist_ok=True)
    path = os.path.join(folder, "network.onnx")
    with torch.no_grad():
        want = model(x)
        torch.onnx.export(model, (x,), path, dynamo=False, opset_version=17,
                          input_names=["input"], output_names=["output"])
    onnx.checker.check_model(onnx.load(path))
    got = ort.InferenceSession(path, providers=["CPUExecutionProvider"]).run(None, {"input": x.numpy()})[0]
    err = float(np.max(np.abs(got - want.numpy())))
    assert err < 1e-5, f"{name}: onnxruntime and torch differ by {err}"
    with open(os.path.join(folder, "input.json"), "w") as fh:
        json.dump({"input_data": [x.numpy().astype(np.float32).ravel().tolist()],
                   "input_shapes": [list(x.shape)]}, fh)
        fh.write("\n")
    ref = {"source": f"onnxruntime {ort.__version__} (Python), float inference of network.onnx on input.json;"
                     f" written by ../generate.py (torch {torch.__version__}, onnx {onnx.__version__})",
           "outputs": [{"name": "output", "shape": list(got.shape), "data": got.astype(np.float32).ravel().tolist()}]}
    with open(os.path.join(folder, "reference_output.json"), "w") as fh:
        json.dump(ref, fh)
        fh.write("\n")
    ops = sorted({nd.op_type for nd in onnx.load(path).graph.node})
    print(f"{name}: {os.path.getsize(path)} bytes, {len(onnx.load(path).graph.node)} nodes, ops {ops}")
    return torch.from_numpy(got)


def main():
    torch.set_num_threads(1)
    x = torch.randn(1, T, D, generator=torch.Generator().manual_seed(17))
    rwkv, mamba, xlstm = build(Rwkv, 101), build(Mamba, 202), build(Xlstm, 303)
    gpt = build(Gpt, 404)
    y1 = write("rwkv", rwkv, x)
    y2 = write("mamba", mamba, y1)
    write("xlstm", xlstm, y2)
    write("pipeline", Pipeline(rwkv, mamba, xlstm).eval(), x)
    write("gpt", gpt, torch.randn(1, T, D, generator=torch.Generator().manual_seed(18)))
    return 0


if __name__ == "__main__":
    sys.exit(main())

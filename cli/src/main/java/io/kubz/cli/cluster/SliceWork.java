package io.kubz.cli.cluster;

import io.kubz.slicer.exec.SliceProver;

/** Worker side of {@link ClusterSliceExecutor}: rebuilds the session once per context, proves jobs. */
public final class SliceWork implements WorkHandler {
  static final String KIND = "kubz.slice";

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public Object prepare(byte[] context) {
    SessionSpec spec = SessionSpec.decode(context);
    if (spec.gkr()) {
      io.kubz.slicer.api.GkrSession g = spec.gkrSession();
      return (SliceProver) job -> g.keyed(ClusterSliceExecutor.index(g.plan(), job.sliceId())).prove(job).proof();
    }
    return spec.session().prover();
  }

  @Override
  public byte[] run(Object prepared, byte[] payload, int threads) {
    return ((SliceProver) prepared).prove(SliceJobCodec.decode(payload));
  }
}

package io.kubz.cli.cluster;

/**
 * Runs jobs of one kind on a worker. Found with {@link java.util.ServiceLoader}, so a worker runs
 * exactly the kinds on its classpath. {@link #prepare} turns a published context (model, plan,
 * keys) into a ready prover; the worker calls it at most once per context digest.
 */
public interface WorkHandler {
  /** The kind this handler runs ({@link ClusterJob#kind()}). */
  String kind();

  /** Builds the prepared state for a context (compile, keygen); called once per digest. */
  Object prepare(byte[] context) throws Exception;

  /**
   * Runs one job.
   *
   * @throws CapacityException when the job does not fit this worker (memory, rows)
   */
  byte[] run(Object prepared, byte[] payload, int threads) throws Exception;
}

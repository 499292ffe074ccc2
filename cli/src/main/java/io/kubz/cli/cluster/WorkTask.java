package io.kubz.cli.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import java.io.Serializable;
import java.util.concurrent.Callable;

/** The callable the coordinator sends to one worker member: runs a job there. */
final class WorkTask implements Callable<WorkResult>, Serializable, HazelcastInstanceAware {
  private static final long serialVersionUID = 1L;
  private final ClusterJob job;
  private transient HazelcastInstance hz;

  WorkTask(ClusterJob job) {
    this.job = job;
  }

  @Override
  public void setHazelcastInstance(HazelcastInstance hz) {
    this.hz = hz;
  }

  @Override
  public WorkResult call() throws Exception {
    WorkerNode node = WorkerNode.on(hz);
    if (node == null) {
      throw new IllegalStateException("member " + hz.getName() + " is not a kubz worker");
    }
    return node.run(job);
  }
}

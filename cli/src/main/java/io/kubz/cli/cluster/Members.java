package io.kubz.cli.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.kubz.field.UsageException;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Hazelcast configuration shared by coordinator and workers: one cluster name, TCP-IP join with
 * every member listed explicitly (a member range with interfaces throws NumberFormatException),
 * no multicast, no phone-home, a bounded heartbeat, the job executor and the context cache.
 */
final class Members {
  /** The cluster-wide context cache: digest to model/plan/keys bytes. */
  static final String CACHE = "kubz.cache";
  /** The executor service jobs run on. */
  static final String EXECUTOR = "kubz.jobs";
  static final String DEFAULT_CLUSTER = "kubz";
  static final int DEFAULT_PORT = 5701;
  /** Seconds between looks for listed members that run a separate cluster of the same name. */
  static final int MERGE_SECONDS = 3;
  /** Held so the level set on it is not lost when the logger is collected. */
  private static final Logger HAZELCAST_LOG = Logger.getLogger("com.hazelcast");

  private Members() {}

  /**
   * Where a member listens and whom it joins.
   *
   * @param clusterName members of different names never join (tests use a fresh one each)
   * @param join HOST:PORT of members to join (may be empty for the first member)
   * @param port the port to listen on; 0 for the default with auto-increment
   * @param heartbeatSeconds seconds without a heartbeat before a member is dropped
   */
  record Net(String clusterName, List<String> join, int port, int heartbeatSeconds) {
    Net {
      join = List.copyOf(join);
      for (String m : join) {
        checkAddress(m);
      }
      if (port < 0 || port > 65535) {
        throw new UsageException("--port takes 1..65535; got " + port);
      }
      if (heartbeatSeconds < 1) {
        throw new IllegalArgumentException("heartbeat seconds must be >= 1");
      }
    }
  }

  static HazelcastInstance start(Net net, Map<String, String> attributes, int poolSize) {
    HAZELCAST_LOG.setLevel(Level.WARNING);
    Config c = new Config();
    c.setClusterName(net.clusterName());
    c.setProperty("hazelcast.phone.home.enabled", "false");
    c.setProperty("hazelcast.logging.type", "jdk");
    c.setProperty("hazelcast.max.no.heartbeat.seconds", Integer.toString(net.heartbeatSeconds()));
    c.setProperty("hazelcast.heartbeat.interval.seconds", "1");
    c.setProperty("hazelcast.shutdownhook.enabled", "false");
    c.setProperty("hazelcast.wait.seconds.before.join", "1");
    // A worker started before its coordinator forms a cluster of its own; look for the listed
    // members every few seconds (default: after 5 minutes) so that the two merge soon after.
    c.setProperty("hazelcast.merge.first.run.delay.seconds", Integer.toString(MERGE_SECONDS));
    c.setProperty("hazelcast.merge.next.run.delay.seconds", Integer.toString(MERGE_SECONDS));
    c.getNetworkConfig().setPort(net.port() == 0 ? DEFAULT_PORT : net.port());
    c.getNetworkConfig().setPortAutoIncrement(net.port() == 0);
    JoinConfig j = c.getNetworkConfig().getJoin();
    j.getMulticastConfig().setEnabled(false);
    j.getAutoDetectionConfig().setEnabled(false);
    j.getTcpIpConfig().setEnabled(true).setMembers(net.join());
    attributes.forEach(c.getMemberAttributeConfig()::setAttribute);
    c.getExecutorConfig(EXECUTOR).setPoolSize(poolSize).setQueueCapacity(0);
    c.getMapConfig(CACHE).setBackupCount(1);
    return Hazelcast.newHazelcastInstance(c);
  }

  /** Splits "h:p,h:p" and checks each entry. */
  static List<String> parseList(String list) {
    List<String> out = List.of(list.split(",")).stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
    if (out.isEmpty()) {
      throw new UsageException("--join takes HOST:PORT[,HOST:PORT...], e.g. 127.0.0.1:5701");
    }
    out.forEach(Members::checkAddress);
    return out;
  }

  private static void checkAddress(String m) {
    int colon = m.lastIndexOf(':');
    boolean ok = colon > 0 && colon < m.length() - 1 && !m.contains("-");
    if (ok) {
      try {
        int p = Integer.parseInt(m.substring(colon + 1));
        ok = p > 0 && p < 65536;
      } catch (NumberFormatException e) {
        ok = false;
      }
    }
    if (!ok) {
      throw new UsageException("cluster member '" + m + "' is not HOST:PORT (list every member, no ranges),"
          + " e.g. 127.0.0.1:5701");
    }
  }
}

/**
 * The {@code cluster} section of {@code bench/RESULTS.md}: {@link io.kubz.bench.cluster.ClusterTable}
 * renders the JSON that {@code bench/cluster/run.sh} writes (one model proved by {@code kubz prove
 * --cluster} on 1 worker and on 2 workers, one thread each, and the coordinator's overhead per slice).
 */
package io.kubz.bench.cluster;

package io.kubz.cli.cluster;

import java.io.Serializable;

/** What a worker returns: the result bytes, its own run time and its address. */
record WorkResult(byte[] bytes, long nanos, String worker) implements Serializable {}

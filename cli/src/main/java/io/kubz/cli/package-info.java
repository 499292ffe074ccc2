/**
 * The {@code kubz} command: picocli sub-commands over the slicer's library API, progress display,
 * JSON output, exit codes (0 ok, 2 usage, 3 bad input, 4 verification failed, 1 internal).
 */
package io.kubz.cli;

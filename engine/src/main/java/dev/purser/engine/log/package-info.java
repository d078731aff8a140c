/**
 * Docker's {@code json-file} logging driver: {@link dev.purser.engine.log.JsonFileWriter} turns a
 * container's stdout/stderr bytes into {@code <id>-json.log} records byte-for-byte like dockerd
 * (line splitting, Go's JSON escaping, RFC 3339 times, size-based rotation);
 * {@link dev.purser.engine.log.JsonFileReader} reads them back for {@code docker logs}
 * (tail, since/until, stream filter, follow across rotations); {@link
 * dev.purser.engine.log.LogLineFormatter} prints them the way the CLI shows them.
 */
package dev.purser.engine.log;

/**
 * What {@code docker top} shows: rows in procps' {@code ps -ef} format, built from /proc for the
 * host pids in a container's cgroup, with user names from the host's /etc/passwd as Docker (which
 * runs the host's ps) shows them.
 */
package dev.purser.engine.proc;

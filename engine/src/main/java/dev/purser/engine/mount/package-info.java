/**
 * A container's own mounts: Docker's {@code HostConfig.Binds}, {@code HostConfig.Mounts} and
 * {@code HostConfig.Tmpfs} read and checked as dockerd's volume parser does
 * ({@link dev.purser.engine.mount.MountPlan}), and the mount points they give (what the native
 * stage mounts and what inspect shows).
 */
package dev.purser.engine.mount;

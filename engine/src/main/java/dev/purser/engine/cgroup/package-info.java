/**
 * One cgroup per container under a {@code purser} parent, on cgroup v1 (one hierarchy per
 * controller, which includes hybrid hosts whose unified hierarchy has no controllers) or v2:
 * {@link dev.purser.engine.cgroup.CgroupHierarchy#detect} picks the implementation; a {@link
 * dev.purser.engine.cgroup.Cgroup} applies Docker's resource limits, reports stats and OOM kills,
 * freezes and thaws, lists and kills its processes, and confines the devices its processes may use
 * ({@link dev.purser.engine.cgroup.DevicePolicy}: devices.allow on v1, a {@link
 * dev.purser.engine.cgroup.DeviceProgram} on v2). Only control files and bpf(2) are used; nothing forks.
 */
package dev.purser.engine.cgroup;

package dev.purser.engine.cgroup;

/** Which cgroup interface the host offers containers. */
public enum CgroupVersion {
    /** A hierarchy per controller (also used on hybrid hosts). */
    V1,
    /** The unified hierarchy with its controllers enabled. */
    V2
}

package dev.purser.engine.volume;

/** Docker's {@code UsageData} of a volume in {@code system df}: its size on disk and how many containers use it. */
public record VolumeUsage(Volume volume, long size, long refCount) {}

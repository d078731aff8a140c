/**
 * Disk usage: the size of a container's writable layer and of its whole root filesystem, of
 * images and their layers, for {@code ps --size}, {@code inspect --size}, prune's reclaimed
 * space and {@code system df}.
 */
package dev.purser.engine.usage;

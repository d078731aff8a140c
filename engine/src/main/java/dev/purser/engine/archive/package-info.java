/**
 * Files in and out of a container's root filesystem ({@code docker cp}, the
 * {@code /containers/{id}/archive} endpoints): paths resolved inside the container's root,
 * never on the host; a path's stat as Docker reports it; a tree written as a tar; a tar
 * extracted with the image store's refusals.
 */
package dev.purser.engine.archive;

/**
 * Managed volumes: Docker's {@code local} volumes under the state root
 * ({@code volumes/<name>/_data}, with their record beside it), their names and rules (create,
 * list with filters, remove refused while in use, prune), and what is copied into a new one.
 * Which containers use a volume is told by the caller ({@link dev.purser.engine.volume.VolumeUsers}):
 * this package knows nothing of containers.
 */
package dev.purser.engine.volume;

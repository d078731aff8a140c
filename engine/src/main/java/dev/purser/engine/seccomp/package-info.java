/**
 * Seccomp profiles in Docker's JSON format (Docker's default one is a resource here), and their
 * resolution for a container's capabilities and the host's architecture and kernel into the
 * filter the native stage compiles with libseccomp (engine/src/main/c/README.md).
 */
package dev.purser.engine.seccomp;

/**
 * Published ports: what a container asks for (PortBindings, PublishAllPorts, ExposedPorts),
 * host ports given out as Docker's allocator gives them, and the userland proxy that carries TCP
 * and UDP from the host to the container's address on its bridge (docs/decisions/0032, 0033, 0050).
 */
package dev.purser.engine.network.ports;

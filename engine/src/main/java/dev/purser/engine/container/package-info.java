/**
 * Containers: their Docker-shaped records (config, host config, state), the store that
 * persists them, and the operations that move them through Docker's states. How a process is
 * actually put in namespaces lives in {@code runtime}; this package decides what to run and
 * keeps the books.
 */
package dev.purser.engine.container;

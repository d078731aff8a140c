/**
 * Durable state on disk: atomic file replacement and the layout of the state root.
 * Nothing here knows what a container or an image is.
 */
package dev.purser.engine.store;

/**
 * Engine events as Docker reports them on {@code /events}: what happened to which object,
 * kept in a bounded history for {@code since}, and delivered live to subscribers.
 */
package dev.purser.engine.event;

/**
 * Everything terminal: PTY pairs, raw mode, window size, the detach-key filter and the byte
 * relay between a local terminal and a stream. Nothing here knows about containers.
 */
package dev.purser.pty;

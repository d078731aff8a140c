/**
 * Everything terminal, and nothing about containers.
 *
 * <ul>
 *   <li>{@link dev.purser.pty.DetachKeys} and {@link dev.purser.pty.DetachFilter}: Docker's
 *       {@code --detach-keys} syntax and the scan of attach input for it (moby's rules exactly);
 *   <li>{@link dev.purser.pty.PtyPair}, {@link dev.purser.pty.TerminalFd},
 *       {@link dev.purser.pty.WindowSize}: pseudo-terminals and their size, via jnr-ffi;
 *   <li>{@link dev.purser.pty.Termios} and {@link dev.purser.pty.RawMode}: line-discipline
 *       settings and raw mode with guaranteed restore;
 *   <li>{@link dev.purser.pty.TerminalRelay}, {@link dev.purser.pty.StoppableInput},
 *       {@link dev.purser.pty.WindowWatcher}: the client side of {@code -it}.
 * </ul>
 *
 * <p>Linux only: the ioctl numbers, flag bits and struct layouts are Linux's (x86_64, aarch64).
 */
package dev.purser.pty;

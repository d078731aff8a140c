package dev.purser.tui.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * docker's {@code --sig-proxy}: while purser is attached to a container without a terminal, the
 * signals it receives go to the container instead of ending purser (docker forwards all but
 * SIGCHLD, SIGPIPE, SIGURG and SIGWINCH; a JVM lets a program take these). With a terminal,
 * Ctrl-C is a byte the container's terminal turns into its own SIGINT, so nothing is proxied.
 *
 * <p>The handler only queues the signal; a thread of its own sends it, so a slow daemon never
 * holds up the JVM's signal dispatcher. close() puts the previous handlers back. The JDK's
 * {@code sun.misc.Signal} is called directly: JLine's reflective wrapper of it made a dynamic
 * proxy and woke java.util.logging in every {@code run} (docs/decisions/0057).
 */
public final class SignalProxy implements AutoCloseable {
    /** Proxies nothing: {@code --sig-proxy=false}, or a container with a terminal. */
    static final SignalProxy NONE = new SignalProxy(null);

    private static final List<String> FORWARDED = List.of("INT", "TERM", "HUP", "QUIT", "USR1", "USR2", "ALRM", "TSTP",
            "CONT", "TTIN", "TTOU", "XCPU", "XFSZ", "VTALRM", "PROF", "PWR", "SYS", "TRAP");

    private final Thread sender;
    private final Map<String, SignalHandler> previous = new LinkedHashMap<>();

    private SignalProxy(Thread sender) {
        this.sender = sender;
    }

    /** Sends each signal this process receives, by name ({@code INT}), to {@code send}, until closed. */
    static SignalProxy forward(Consumer<String> send) {
        return forward(FORWARDED, send);
    }

    /**
     * Sends each of {@code signals} this process receives to {@code send}, until closed: for a
     * caller that keeps the others (the dashboard proxies the keys' INT, and keeps TERM to restore
     * the terminal).
     */
    public static SignalProxy forward(List<String> signals, Consumer<String> send) {
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        Thread sender = new Thread(() -> {
            try {
                while (true) {
                    String signal = received.take();
                    try {
                        send.accept(signal);
                    } catch (RuntimeException e) {
                        // the container may have exited meanwhile: docker ignores that too
                    }
                }
            } catch (InterruptedException closed) {
                // close() ends the proxy
            }
        }, "purser-sig-proxy");
        sender.setDaemon(true);
        SignalProxy proxy = new SignalProxy(sender);
        sender.start();
        for (String name : signals) {
            // the JVM keeps some for itself (QUIT for thread dumps, USR2 on some builds): those stay its own
            try {
                proxy.previous.put(name, Signal.handle(new Signal(name), signal -> received.offer(name)));
            } catch (IllegalArgumentException reserved) {
                // "Signal already used by VM or OS": not ours to proxy
            }
        }
        return proxy;
    }

    /** The signals actually proxied (those the JVM let this process handle). */
    List<String> signals() {
        return List.copyOf(previous.keySet());
    }

    @Override
    public void close() {
        if (sender == null) {
            return;
        }
        previous.forEach((name, handler) -> Signal.handle(new Signal(name), handler));
        sender.interrupt();
    }
}

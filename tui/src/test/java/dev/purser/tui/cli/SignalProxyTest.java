package dev.purser.tui.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A signal this process receives while proxying is handed on by name instead of acting here. */
class SignalProxyTest {
    @Test
    void aSignalReceivedIsHandedOnByName() throws IOException, InterruptedException {
        BlockingQueue<String> sent = new LinkedBlockingQueue<>();
        try (SignalProxy proxy = SignalProxy.forward(sent::offer)) {
            assertThat(proxy.signals()).contains("INT", "TERM", "HUP");
            // without the proxy, SIGHUP would shut this JVM down
            Process kill = new ProcessBuilder("kill", "-HUP", Long.toString(ProcessHandle.current().pid())).start();
            assertThat(kill.waitFor()).isZero();
            assertThat(sent.poll(30, TimeUnit.SECONDS)).isEqualTo("HUP");
        }
    }
}

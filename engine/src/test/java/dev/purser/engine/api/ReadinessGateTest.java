package dev.purser.engine.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Which request the gate holds at each step of the engine's opening (docs/decisions/0040, 0058). */
class ReadinessGateTest {
    private final CompletableFuture<Router> routes = new CompletableFuture<>();
    private final CompletableFuture<Void> recovered = new CompletableFuture<>();
    private final ReadinessGate gate = ReadinessGate.pending(routes, recovered);

    @Test
    void pingGoesBeforeTheStateIsLoaded() {
        assertThat(gate.holds("GET", "/_ping")).isFalse();
        assertThat(gate.holds("HEAD", "/_ping")).isFalse();
        assertThat(gate.holds("GET", "/containers/json")).isTrue();
    }

    @Test
    void readsGoOnceTheStateIsLoaded() {
        routes.complete(new Router());

        assertThat(gate.holds("GET", "/containers/json")).isFalse();
        assertThat(gate.holds("GET", "/containers/web/json")).isFalse();
        assertThat(gate.holds("GET", "/containers/web/logs")).isFalse();
        assertThat(gate.holds("GET", "/images/library/busybox/json")).isFalse();
        assertThat(gate.holds("GET", "/version")).isFalse();
    }

    @Test
    void pingGoesWhileTheRecoveryFinishes() {
        routes.complete(new Router());

        assertThat(gate.holds("HEAD", "/_ping")).isFalse();
        assertThat(gate.holds("GET", "/_ping")).isFalse();
    }

    @Test
    void whatUsesTheHostWaitsForTheRecovery() {
        routes.complete(new Router());

        assertThat(gate.holds("POST", "/containers/web/start")).isTrue();
        assertThat(gate.holds("DELETE", "/containers/web")).isTrue();
        assertThat(gate.holds("GET", "/containers/web/archive")).as("mounts the root filesystem").isTrue();
        assertThat(gate.holds("GET", "/system/df")).isTrue();
    }

    @Test
    void everythingGoesOnceTheRecoveryHasFinished() {
        routes.complete(new Router());
        recovered.complete(null);

        assertThat(gate.holds("POST", "/containers/web/start")).isFalse();
        assertThat(gate.settled()).isDone();
    }

    @Test
    void aRequestHeldAgainAtTheFirstStepIsToldAtTheSecond() {
        AtomicInteger told = new AtomicInteger();
        gate.whenSettled(() -> gate.holds("POST", "/containers/web/start"), () -> {
            if (gate.holds("POST", "/containers/web/start")) {
                gate.whenSettled(() -> gate.holds("POST", "/containers/web/start"), told::incrementAndGet);
            }
        });

        routes.complete(new Router());
        assertThat(told).hasValue(0);
        recovered.complete(null);
        assertThat(told).hasValue(1);
    }

    @Test
    void aRequestThatMayGoAlreadyIsNotHeld() {
        routes.complete(new Router());
        AtomicInteger told = new AtomicInteger();

        gate.whenSettled(() -> gate.holds("GET", "/containers/json"), told::incrementAndGet);

        assertThat(told).hasValue(1);
    }

    @Test
    void aFailedOpeningLetsEveryRequestGoToItsError() {
        IllegalStateException broken = new IllegalStateException("bad record");
        routes.completeExceptionally(broken);
        recovered.completeExceptionally(broken);

        assertThat(gate.holds("POST", "/containers/web/start")).isFalse();
        assertThat(gate.failure()).contains("the purser daemon could not open its state: bad record");
    }
}

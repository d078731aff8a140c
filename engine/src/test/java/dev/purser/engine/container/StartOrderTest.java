package dev.purser.engine.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StartOrderTest {
    @Test
    void aDependencyComesBeforeTheContainerNeedingIt() {
        Map<String, List<String>> needs = Map.of("linker", List.of("target"));
        assertThat(StartOrder.dependenciesFirst(List.of("linker", "target"), id -> needs.getOrDefault(id, List.of())))
                .containsExactly("target", "linker");
    }

    @Test
    void containersWithoutDependenciesKeepTheirOrder() {
        assertThat(StartOrder.dependenciesFirst(List.of("c", "a", "b"), id -> List.of())).containsExactly("c", "a", "b");
    }

    @Test
    void aChainIsStartedFromItsEnd() {
        Map<String, List<String>> needs = Map.of("front", List.of("app"), "app", List.of("db"));
        assertThat(StartOrder.dependenciesFirst(List.of("front", "app", "db"), id -> needs.getOrDefault(id, List.of())))
                .containsExactly("db", "app", "front");
    }

    @Test
    void aDependencyThatIsNotComingBackIsLeftOut() {
        Map<String, List<String>> needs = Map.of("linker", List.of("stopped"));
        assertThat(StartOrder.dependenciesFirst(List.of("linker"), id -> needs.getOrDefault(id, List.of())))
                .containsExactly("linker");
    }

    @Test
    void aCycleIsBrokenAndEveryContainerStartsOnce() {
        Map<String, List<String>> needs = Map.of("x", List.of("y"), "y", List.of("x"));
        assertThat(StartOrder.dependenciesFirst(List.of("x", "y"), id -> needs.getOrDefault(id, List.of())))
                .containsExactlyInAnyOrder("x", "y").hasSize(2);
    }
}

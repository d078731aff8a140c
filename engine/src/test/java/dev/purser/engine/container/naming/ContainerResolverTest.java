package dev.purser.engine.container.naming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ContainerResolverTest {
    private static ContainerRef ref(String id, String name) {
        return new ContainerRef(new ContainerId(id), ContainerName.of(name));
    }

    private final ContainerRef a = ref("abc1" + "0".repeat(60), "web");
    private final ContainerRef b = ref("abc2" + "0".repeat(60), "db");
    // A container whose name looks like the other's id prefix: the name wins over the prefix.
    private final ContainerRef c = ref("def0" + "0".repeat(60), "abc1");
    private final ContainerResolver resolver = new ContainerResolver(List.of(a, b, c));

    @Test
    void exactIdThenNameThenPrefix() {
        assertThat(resolver.resolve(a.id().value())).isEqualTo(a);
        assertThat(resolver.resolve("web")).isEqualTo(a);
        assertThat(resolver.resolve("/db")).isEqualTo(b);
        assertThat(resolver.resolve("abc1")).isEqualTo(c);
        assertThat(resolver.resolve("abc2")).isEqualTo(b);
        assertThat(resolver.resolve("d")).isEqualTo(c);
    }

    @Test
    void fullIdBeatsAName() {
        ContainerRef named = ref("1" + "f".repeat(63), a.id().value().substring(0, 60));
        ContainerResolver r = new ContainerResolver(List.of(a, named));
        assertThat(r.resolve(a.id().value())).isEqualTo(a);
    }

    @Test
    void dockersErrors() {
        assertThatThrownBy(() -> resolver.resolve("abc"))
                .isInstanceOf(ContainerLookupException.class)
                .hasMessage("multiple IDs found with provided prefix: abc")
                .extracting(e -> ((ContainerLookupException) e).kind())
                .isEqualTo(ContainerLookupException.Kind.AMBIGUOUS);
        assertThatThrownBy(() -> resolver.resolve("nope"))
                .hasMessage("No such container: nope")
                .extracting(e -> ((ContainerLookupException) e).kind())
                .isEqualTo(ContainerLookupException.Kind.NOT_FOUND);
        assertThatThrownBy(() -> resolver.resolve("/abc"))
                .hasMessage("No such container: /abc");
        assertThatThrownBy(() -> resolver.resolve(""))
                .hasMessage("invalid name or ID supplied: \"\"");
    }
}

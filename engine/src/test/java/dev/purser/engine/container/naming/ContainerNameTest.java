package dev.purser.engine.container.naming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ContainerNameTest {
    @Test
    void acceptsDockerNamesWithOrWithoutSlash() {
        assertThat(ContainerName.of("web").value()).isEqualTo("/web");
        assertThat(ContainerName.of("/web-1.a_b").value()).isEqualTo("/web-1.a_b");
        assertThat(ContainerName.of("/web").display()).isEqualTo("web");
        assertThat(ContainerName.of("a1").value()).isEqualTo("/a1");
    }

    @Test
    void rejectsWithDockersMessage() {
        // One character is too short: the pattern needs a first character and at least one more.
        assertThatThrownBy(() -> ContainerName.of("a"))
                .isInstanceOf(InvalidContainerNameException.class)
                .hasMessage("Invalid container name (a), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed");
        assertThatThrownBy(() -> ContainerName.of("/_web"))
                .hasMessage("Invalid container name (/_web), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed");
        assertThatThrownBy(() -> ContainerName.of("we b")).isInstanceOf(InvalidContainerNameException.class);
        assertThatThrownBy(() -> ContainerName.of("web/x")).isInstanceOf(InvalidContainerNameException.class);
        assertThatThrownBy(() -> ContainerName.of("//web")).isInstanceOf(InvalidContainerNameException.class);
        assertThatThrownBy(() -> ContainerName.of("")).isInstanceOf(InvalidContainerNameException.class);
        assertThat(ContainerName.isValid("ok.name")).isTrue();
        assertThat(ContainerName.isValid("-bad")).isFalse();
    }
}

package dev.purser.engine.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** {@code --link} values as moby's opts.ParseLink reads them. */
class ContainerLinkTest {

    @Test
    void nameAloneIsItsOwnAlias() {
        assertThat(ContainerLink.parse("web")).isEqualTo(new ContainerLink("web", "web"));
    }

    @Test
    void nameAndAliasAreSplitAtTheColon() {
        assertThat(ContainerLink.parse("web:site")).isEqualTo(new ContainerLink("web", "site"));
    }

    @Test
    void storedFormReadsBackToTargetAndAlias() {
        ContainerLink link = ContainerLink.parse("web:site");
        String stored = link.stored("/web", "/linker");
        assertThat(stored).isEqualTo("/web:/linker/site");
        assertThat(ContainerLink.parse(stored)).isEqualTo(link);
    }

    @Test
    void twoColonsAreABadFormat() {
        assertThatThrownBy(() -> ContainerLink.parse("a:b:c")).hasMessage("bad format for links: a:b:c");
    }

    @Test
    void emptyValueIsRefused() {
        assertThatThrownBy(() -> ContainerLink.parse("")).hasMessage("empty string specified for links");
    }
}

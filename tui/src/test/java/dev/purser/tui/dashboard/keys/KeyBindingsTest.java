package dev.purser.tui.dashboard.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class KeyBindingsTest {
    @Test
    void theDefaultsHaveNoClash() {
        assertThat(KeyBindings.defaults().warnings()).isEmpty();
    }

    @Test
    void everyActionHasItsDefaultKey() {
        KeyBindings keys = KeyBindings.defaults();
        for (Action a : Action.values()) assertThat(keys.key(a)).as(a.configName()).isEqualTo(a.defaultKey());
    }

    @Test
    void aRemappedActionAnswersToItsNewKey() {
        KeyBindings keys = KeyBindings.of(Map.of("stop", "x"));
        assertThat(keys.action("x", Context.LIST)).contains(Action.STOP);
        assertThat(keys.action("s", Context.LIST)).isEmpty();
    }

    @Test
    void aClashKeepsTheConfiguredBindingAndSaysWhichActionLostItsKey() {
        KeyBindings keys = KeyBindings.of(Map.of("stop", "r"));
        assertThat(keys.action("r", Context.LIST)).contains(Action.STOP);
        assertThat(keys.key(Action.RESTART)).isEmpty();
        assertThat(keys.warnings()).containsExactly("key clash: 'r' is bound to stop and restart; restart has no key");
    }

    @Test
    void aGlobalKeyClashesWithAContextKey() {
        KeyBindings keys = KeyBindings.of(Map.of("quit", "s"));
        assertThat(keys.warnings()).anyMatch(w -> w.contains("'s' is bound to quit and stop"));
    }

    @Test
    void theSameKeyInTwoContextsIsNoClash() {
        KeyBindings keys = KeyBindings.defaults();
        assertThat(keys.action("s", Context.LIST)).contains(Action.STOP);
        assertThat(keys.action("s", Context.DETAIL)).contains(Action.SAVE);
    }

    @Test
    void anUnknownActionOrKeyNameIsAWarningNotABinding() {
        KeyBindings keys = KeyBindings.of(Map.of("explode", "x", "stop", "bogus-key"));
        assertThat(keys.warnings()).containsExactlyInAnyOrder("keys: no action named 'explode'", "keys: 'bogus-key' for stop is not a key name");
        assertThat(keys.key(Action.STOP)).isEqualTo("s");
    }
}

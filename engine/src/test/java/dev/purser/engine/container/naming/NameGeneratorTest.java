package dev.purser.engine.container.naming;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class NameGeneratorTest {
    @Test
    void namesAreAdjectiveUnderscoreSurname() {
        NameGenerator gen = new NameGenerator(new Random(1));
        for (int i = 0; i < 1000; i++) {
            String name = gen.candidate(0);
            String[] parts = name.split("_");
            assertThat(parts).hasSize(2);
            assertThat(NameWords.LEFT).contains(parts[0]);
            assertThat(NameWords.RIGHT).contains(parts[1]);
            assertThat(name).isNotEqualTo("boring_wozniak");
            assertThat(ContainerName.isValid(name)).isTrue();
        }
    }

    @Test
    void retriesAppendOneDigit() {
        NameGenerator gen = new NameGenerator(new Random(2));
        assertThat(gen.candidate(1)).matches("[a-z]+_[a-z]+[0-9]");
    }

    @Test
    void wordListsAreDockers() {
        assertThat(NameWords.LEFT).hasSize(108).contains("admiring", "boring", "zealous");
        assertThat(NameWords.RIGHT).hasSize(236).contains("wozniak", "turing", "hopper");
    }

    @Test
    void uniqueSkipsTakenNamesAndFallsBackToShortId() {
        ContainerId id = ContainerId.generate();
        NameGenerator gen = new NameGenerator(new Random(3));
        ContainerName free = gen.unique(id, n -> false);
        assertThat(free.display()).matches("[a-z]+_[a-z]+");

        int[] calls = {0};
        ContainerName second = gen.unique(id, n -> calls[0]++ == 0);
        assertThat(second.display()).matches("[a-z]+_[a-z]+[0-9]");

        ContainerName fallback = gen.unique(id, n -> true);
        assertThat(fallback.value()).isEqualTo("/" + id.shortId());
    }
}

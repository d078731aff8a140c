package dev.purser.engine.container.naming;

import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;

/**
 * Generates names for containers started without {@code --name}, the way Docker does:
 * {@code adjective_surname}, never {@code boring_wozniak}, with a random digit appended on retries.
 */
public final class NameGenerator {
    /** Docker tries six generated names before falling back to the short id. */
    static final int ATTEMPTS = 6;
    private static final String EXCLUDED = "boring_wozniak"; // Steve Wozniak is not boring

    private final RandomGenerator random;

    public NameGenerator() {
        this(ThreadLocalRandom.current());
    }

    /** For tests that need a predictable sequence. */
    public NameGenerator(RandomGenerator random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    /** One candidate; {@code retry > 0} appends one digit so a second try is likely free. */
    public String candidate(int retry) {
        String name;
        do {
            name = pick(NameWords.LEFT) + "_" + pick(NameWords.RIGHT);
        } while (name.equals(EXCLUDED));
        return retry > 0 ? name + random.nextInt(10) : name;
    }

    /**
     * A name not yet {@code taken} (names are tested in stored form, with the slash); after six
     * collisions it is the short id, as in Docker, which is unique by construction.
     */
    public ContainerName unique(ContainerId id, Predicate<ContainerName> taken) {
        for (int retry = 0; retry < ATTEMPTS; retry++) {
            ContainerName name = new ContainerName("/" + candidate(retry));
            if (!taken.test(name)) {
                return name;
            }
        }
        return new ContainerName("/" + id.shortId());
    }

    private String pick(java.util.List<String> words) {
        return words.get(random.nextInt(words.size()));
    }
}

package dev.purser.tui.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * tui is compiled with {@code -XDstringConcat=inline} (docs/decisions/0053): a class that joins
 * strings with + holds StringBuilder code, not an invokedynamic call to StringConcatFactory,
 * whose method-handle classes every short command would spin anew.
 */
class StringConcatenationTest {
    @Test
    void commandsJoinStringsWithoutInvokedynamic() throws IOException {
        for (Class<?> c : new Class<?>[] {PsCommand.class, DirectCommandLine.class, BaseCommand.class}) {
            String bytes;
            try (InputStream in = c.getResourceAsStream(c.getSimpleName() + ".class")) {
                bytes = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            }
            assertThat(bytes).as(c.getName()).contains("java/lang/StringBuilder").doesNotContain("makeConcatWithConstants");
        }
    }
}

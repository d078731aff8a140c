package dev.purser.tui.cli;

import dev.purser.tui.client.Response;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code save}: images as a tarball to -o (written atomically) or to stdout when it is not a terminal. */
@Command(name = "save", description = "Save one or more images to a tar archive (streamed to STDOUT by default)")
final class SaveCommand extends BaseCommand {
    @Option(names = {"-o", "--output"}) String output = "";
    @Option(names = "--platform") List<String> platforms = new ArrayList<>();
    @Parameters List<String> images = new ArrayList<>();

    String usage() { return "save [OPTIONS] IMAGE [IMAGE...]"; }

    public Integer call() {
        // parsed so docker's command lines are understood, refused because nothing here would apply it
        if (!platforms.isEmpty()) throw new CliError("purser does not support --platform yet", 125);
        requireAtLeast(images, 1);
        if (output.isEmpty() && session.terminal()) {
            throw new CliError("cowardly refusing to save to a terminal. Use the -o flag or redirect", 1);
        }
        Path target = output.isEmpty() ? null : Path.of(output).toAbsolutePath();
        if (target != null && !Files.isDirectory(target.getParent())) {
            throw new CliError("failed to save image: invalid output path: directory \"" + target.getParent() + "\" does not exist", 1);
        }
        try (Response r = session.client().images().save(images)) {
            if (target == null) {
                r.body().transferTo(session.out);
                session.out.flush();
                return 0;
            }
            Path temp = Files.createTempFile(target.getParent(), ".purser_temp_", "");
            try {
                try (OutputStream out = Files.newOutputStream(temp)) {
                    r.body().transferTo(out);
                }
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return 0;
    }
}

package dev.purser.tui.cli;

import dev.purser.tui.client.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code load}: images from a {@code save} tarball (-i or stdin); prints "Loaded image: ..." lines. */
@Command(name = "load", description = "Load an image from a tar archive or STDIN")
final class LoadCommand extends BaseCommand {
    @Option(names = {"-i", "--input"}) String input = "";
    @Option(names = {"-q", "--quiet"}) boolean quiet;
    @Option(names = "--platform") List<String> platforms = new ArrayList<>();
    @Parameters List<String> args = new ArrayList<>();

    String usage() { return "load [OPTIONS]"; }

    public Integer call() {
        // parsed so docker's command lines are understood, refused because nothing here would apply it
        if (!platforms.isEmpty()) throw new CliError("purser does not support --platform yet", 125);
        requireNone(args);
        if (input.isEmpty() && session.terminal()) throw new CliError("requested load from stdin, but stdin is empty", 1);
        InputStream tar;
        if (input.isEmpty()) {
            tar = session.in;
        } else {
            try {
                tar = Files.newInputStream(Path.of(input));
            } catch (NoSuchFileException e) {
                throw new CliError("open " + input + ": no such file or directory", 1);
            } catch (IOException e) {
                throw new CliError("open " + input + ": " + e.getMessage(), 1);
            }
        }
        // docker asks for quiet progress whenever its output is not a terminal
        try (tar; Response r = session.client().images().load(tar, quiet || !session.terminal())) {
            String type = String.valueOf(r.header("Content-Type"));
            if (type.contains("json")) JsonMessages.display(r.body(), session.out);
            else r.body().transferTo(session.out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return 0;
    }
}

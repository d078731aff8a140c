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

/** {@code import}: a root filesystem tarball (a file, or - for stdin) becomes an image; prints its id. */
@Command(name = "import", description = "Import the contents from a tarball to create a filesystem image")
final class ImportCommand extends BaseCommand {
    @Option(names = {"-c", "--change"}) List<String> changes = new ArrayList<>();
    @Option(names = {"-m", "--message"}) String message = "";
    @Option(names = "--platform") String platform;
    @Parameters List<String> args = new ArrayList<>();

    String usage() { return "import [OPTIONS] file|URL|- [REPOSITORY[:TAG]]"; }

    public Integer call() {
        // parsed so docker's command lines are understood, refused because nothing here would apply it
        if (platform != null) throw new CliError("purser does not support --platform yet", 125);
        if (args.isEmpty() || args.size() > 2) {
            throw new CliError("purser: '" + commandPath() + "' requires at least 1 and at most 2 arguments\n\nUsage:  purser " + usage()
                    + "\n\nSee '" + commandPath() + " --help' for more information", 1);
        }
        String source = args.get(0);
        String ref = args.size() > 1 ? args.get(1) : null;
        if (ref != null) {
            try {
                ImageRef.parse(ref);
            } catch (IllegalArgumentException e) {
                throw new CliError(e.getMessage(), 1);
            }
        }
        boolean url = source.startsWith("http://") || source.startsWith("https://");
        InputStream tar;
        if (source.equals("-")) {
            tar = session.in;
        } else if (url) {
            tar = InputStream.nullInputStream();
        } else {
            try {
                tar = Files.newInputStream(Path.of(source));
            } catch (NoSuchFileException e) {
                throw new CliError("open " + source + ": no such file or directory", 1);
            } catch (IOException e) {
                throw new CliError("open " + source + ": " + e.getMessage(), 1);
            }
        }
        try (tar; Response r = session.client().images().importTarball(tar, url ? source : "-", ref, null, message, changes)) {
            JsonMessages.display(r.body(), session.out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return 0;
    }
}

package dev.purser.tui.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code tag}: another name for an image; prints nothing on success. */
@Command(name = "tag", description = "Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE")
final class TagCommand extends BaseCommand {
    @Parameters List<String> args = new ArrayList<>();

    String usage() { return "tag SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]"; }

    public Integer call() {
        requireExactly(args, 2);
        ImageRef target;
        try {
            target = ImageRef.parse(args.get(1));
        } catch (IllegalArgumentException e) {
            throw new CliError("Error parsing reference: \"" + args.get(1) + "\" is not a valid repository/tag: " + e.getMessage(), 1);
        }
        session.client().images().tag(args.get(0), target.repository(), target.tag());
        return 0;
    }
}

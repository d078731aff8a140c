package dev.purser.tui.guide;

import dev.purser.tui.guide.GuideBlock.Kind;
import dev.purser.tui.guide.GuideBlock.Step;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A user-guide page's blocks, read as docs/user-guide/README.md says: {@code sh}/{@code bash}
 * blocks are scripts, {@code console} blocks are {@code $ } commands each followed by what it
 * prints, {@code console interactive Test#method...} blocks are not run, other blocks are text.
 */
public record GuidePage(String name, List<GuideBlock> blocks) {
    public GuidePage {
        blocks = List.copyOf(blocks);
    }

    public static GuidePage read(Path file) throws IOException {
        return parse(file.getFileName().toString(), Files.readString(file));
    }

    public static GuidePage parse(String name, String markdown) {
        List<String> lines = markdown.lines().toList();
        List<GuideBlock> blocks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String fence = lines.get(i);
            if (!fence.startsWith("```")) {
                continue;
            }
            int open = i;
            List<String> body = new ArrayList<>();
            for (i++; i < lines.size() && !lines.get(i).startsWith("```"); i++) {
                body.add(lines.get(i));
            }
            if (i == lines.size()) {
                throw new IllegalArgumentException(name + ":" + (open + 1) + ": the code block is never closed");
            }
            List<String> info = Arrays.stream(fence.substring(3).trim().split("\\s+")).filter(w -> !w.isEmpty()).toList();
            String language = info.isEmpty() ? "" : info.get(0);
            int line = open + 1;
            switch (language) {
                case "sh", "bash" -> {
                    if (info.size() > 1) throw new IllegalArgumentException(name + ":" + line + ": a script block takes no words after its language: " + fence);
                    blocks.add(new GuideBlock(line, Kind.SCRIPT, String.join("\n", body) + "\n", List.of(), List.of()));
                }
                case "console" -> {
                    boolean interactive = info.size() > 1 && info.get(1).equals("interactive");
                    if (info.size() > 1 && !interactive) {
                        throw new IllegalArgumentException(name + ":" + line + ": a console block takes only 'interactive Test#method...' after its language: " + fence);
                    }
                    List<String> tests = interactive ? info.subList(2, info.size()) : List.of();
                    if (interactive && tests.isEmpty()) {
                        throw new IllegalArgumentException(name + ":" + line + ": an interactive block names the tests that drive it: " + fence);
                    }
                    blocks.add(new GuideBlock(line, interactive ? Kind.INTERACTIVE : Kind.CONSOLE, "", steps(name, line, body), tests));
                }
                default -> { }
            }
        }
        return new GuidePage(name, blocks);
    }

    private static List<Step> steps(String name, int fenceLine, List<String> body) {
        record Draft(StringBuilder command, List<String> shown) {}
        List<Draft> drafts = new ArrayList<>();
        for (int i = 0; i < body.size(); i++) {
            String l = body.get(i);
            if (l.startsWith("$ ")) {
                StringBuilder command = new StringBuilder(l.substring(2));
                while (command.toString().endsWith("\\") && i + 1 < body.size()) {
                    command.append('\n').append(body.get(++i));
                }
                drafts.add(new Draft(command, new ArrayList<>()));
            } else if (drafts.isEmpty()) {
                throw new IllegalArgumentException(name + ":" + (fenceLine + 1 + i) + ": a console block starts with a '$ ' command, not: " + l);
            } else {
                drafts.get(drafts.size() - 1).shown().add(l);
            }
        }
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            boolean statusShown = i + 1 < drafts.size() && drafts.get(i + 1).command().toString().strip().equals("echo $?");
            steps.add(new Step(drafts.get(i).command().toString(), drafts.get(i).shown(), statusShown));
        }
        return steps;
    }
}

package dev.purser.tui.guide;

import dev.purser.tui.guide.GuideBlock.Kind;
import dev.purser.tui.guide.GuideBlock.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A guide page as one bash script, and the reading of what it printed. Markers (between ASCII
 * record separators, which no command here prints) say where each block and each console
 * command starts and ends, with its exit status, so the whole page runs in one shell as it would
 * in a user's terminal and each command's output is still known apart.
 */
public final class GuideScript {
    private static final char MARK = '\u001e';

    private GuideScript() {}

    /** The bash script for {@code page}, with each key of {@code replacements} in its blocks replaced by its value. */
    public static String of(GuidePage page, Map<String, String> replacements) {
        StringBuilder s = new StringBuilder();
        s.append("exec 2>&1 </dev/null\nset -o pipefail\n");
        // a marker keeps $? so that "echo $?" after a command still shows that command's status
        s.append("__guide_mark() { local status=$?; printf '\\036%s\\036' \"$*\"; return $status; }\n");
        for (int b = 0; b < page.blocks().size(); b++) {
            GuideBlock block = page.blocks().get(b);
            if (block.kind() == Kind.SCRIPT) {
                s.append("__guide_mark B ").append(b).append('\n');
                s.append("set -e\ntrap '__guide_mark \"F $BASH_COMMAND\"' ERR\n");
                s.append(replace(block.script(), replacements));
                s.append("set +e\ntrap - ERR\n");
                s.append("__guide_mark E ").append(b).append('\n');
            } else if (block.kind() == Kind.CONSOLE) {
                for (int i = 0; i < block.steps().size(); i++) {
                    s.append("__guide_mark S ").append(b).append(' ').append(i).append('\n');
                    s.append(replace(block.steps().get(i).command(), replacements)).append('\n');
                    s.append("__guide_mark X ").append(b).append(' ').append(i).append(" $?\n");
                }
            }
        }
        s.append("__guide_mark DONE\n");
        return s.toString();
    }

    private static String replace(String text, Map<String, String> replacements) {
        String out = text;
        for (Map.Entry<String, String> r : replacements.entrySet()) {
            out = out.replace(r.getKey(), r.getValue());
        }
        return out;
    }

    /**
     * What is wrong with {@code page} given what its script printed, or empty when every block
     * ran and every command printed what the page shows. Names the first failing block and command.
     */
    public static Optional<String> firstFailure(GuidePage page, String transcript) {
        List<Marker> marks = markers(transcript);
        int p = 0;
        for (int b = 0; b < page.blocks().size(); b++) {
            GuideBlock block = page.blocks().get(b);
            String where = page.name() + ": " + block.describe();
            if (block.kind() == Kind.SCRIPT) {
                if (!at(marks, p, "B " + b)) return Optional.of(where + " never ran");
                if (at(marks, p + 1, "E " + b)) {
                    p += 2;
                    continue;
                }
                String failed = p + 1 < marks.size() && marks.get(p + 1).name().startsWith("F ")
                        ? marks.get(p + 1).name().substring(2) : "(unknown: the shell stopped)";
                return Optional.of(where + " failed at the command: " + failed + "\n--- it printed:\n" + marks.get(p).after());
            }
            if (block.kind() != Kind.CONSOLE) continue;
            for (int i = 0; i < block.steps().size(); i++) {
                Step step = block.steps().get(i);
                String command = where + ", the command '" + step.command() + "'";
                if (!at(marks, p, "S " + b + " " + i)) return Optional.of(command + " never ran");
                String output = marks.get(p).after();
                if (p + 1 >= marks.size() || !marks.get(p + 1).name().startsWith("X " + b + " " + i + " ")) {
                    return Optional.of(command + " did not finish (the shell stopped)\n--- it printed:\n" + output);
                }
                String end = marks.get(p + 1).name();
                int status = Integer.parseInt(end.substring(end.lastIndexOf(' ') + 1));
                if (status != 0 && !step.statusShown()) {
                    return Optional.of(command + " exited " + status + " (a command must exit 0 unless the next one is 'echo $?')"
                            + "\n--- it printed:\n" + output);
                }
                if (!ShownOutput.matches(step.shown(), output)) {
                    return Optional.of(command + " printed what the guide does not show\n--- the guide shows:\n"
                            + String.join("\n", step.shown()) + "\n--- it printed:\n" + output);
                }
                p += 2;
            }
        }
        if (!at(marks, p, "DONE")) {
            return Optional.of(page.name() + ": the shell did not reach the end of the page");
        }
        return Optional.empty();
    }

    private static boolean at(List<Marker> marks, int i, String name) {
        return i < marks.size() && marks.get(i).name().equals(name);
    }

    /** A marker the script printed, and what was printed after it up to the next one. */
    private record Marker(String name, String after) {}

    private static List<Marker> markers(String transcript) {
        List<Marker> marks = new ArrayList<>();
        int start = transcript.indexOf(MARK);
        while (start >= 0) {
            int end = transcript.indexOf(MARK, start + 1);
            if (end < 0) break;
            int next = transcript.indexOf(MARK, end + 1);
            marks.add(new Marker(transcript.substring(start + 1, end), transcript.substring(end + 1, next < 0 ? transcript.length() : next)));
            start = next;
        }
        return marks;
    }
}

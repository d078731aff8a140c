package dev.purser.tui.guide;

import java.util.List;

/**
 * One fenced code block of a user-guide page that the guide test reads (docs/user-guide/README.md
 * says how blocks are read).
 *
 * @param line      the line of the opening fence, 1-based
 * @param kind      what the test does with it
 * @param script    for {@link Kind#SCRIPT}: the block's text
 * @param steps     for {@link Kind#CONSOLE} and {@link Kind#INTERACTIVE}: its commands and what each shows
 * @param coveredBy for {@link Kind#INTERACTIVE}: the tests ({@code Class#method}) that drive it in a terminal
 */
public record GuideBlock(int line, Kind kind, String script, List<Step> steps, List<String> coveredBy) {
    public enum Kind { SCRIPT, CONSOLE, INTERACTIVE }

    public GuideBlock {
        steps = List.copyOf(steps);
        coveredBy = List.copyOf(coveredBy);
    }

    /**
     * A {@code $ } command of a console block.
     *
     * @param command      the command, continuation lines joined with newlines
     * @param shown        the lines the guide shows after it
     * @param statusShown  whether the next command is {@code echo $?}, so a non-zero exit is shown rather than a failure
     */
    public record Step(String command, List<String> shown, boolean statusShown) {
        public Step {
            shown = List.copyOf(shown);
        }
    }

    /** What a failure message names: the line and, for a script, its first line. */
    public String describe() {
        String first = kind == Kind.SCRIPT ? script.lines().findFirst().orElse("")
                : steps.isEmpty() ? "" : steps.get(0).command().lines().findFirst().orElse("");
        return "the block at line " + line + " (" + first + (steps.size() > 1 || script.lines().count() > 1 ? " ..." : "") + ")";
    }
}

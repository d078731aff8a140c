package dev.purser.tui.cli;

import java.util.List;
import picocli.CommandLine.Model.CommandSpec;

/**
 * pflag's wording for a bad value of a volume command's flag ({@code invalid argument "x" for
 * "--label" flag: ...}), exit 125 with the usage line, as docker reports it before any request.
 */
final class VolumeFlagErrors {
    private VolumeFlagErrors() {}

    /** Every filter must be name=value (docker's FilterOpt). */
    static void requireFilterPairs(CommandSpec spec, String flag, List<String> filters) {
        for (String f : filters) {
            if (!f.contains("=")) throw invalid(spec, flag, f, "bad format of filter (expected name=value)");
        }
    }

    /** docker's ValidateLabel: a key before any '=', without whitespace. */
    static void requireLabels(CommandSpec spec, List<String> labels) {
        for (String l : labels) {
            String key = l.contains("=") ? l.substring(0, l.indexOf('=')) : l;
            key = key.replaceFirst("^[ \\t\\n\\x0B\\f\\r]+", "");
            if (key.isEmpty()) throw invalid(spec, "--label", l, "invalid label '" + l + "': empty name");
            if (key.chars().anyMatch(c -> " \t\n\u000B\f\r".indexOf(c) >= 0)) {
                throw invalid(spec, "--label", l, "label '" + key + "' contains whitespaces");
            }
        }
    }

    static CliError invalid(CommandSpec spec, String flag, String value, String why) {
        String path = spec.qualifiedName(" ");
        return new CliError("invalid argument \"" + value + "\" for \"" + flag + "\" flag: " + why
                + "\n\nUsage:  " + HelpText.synopsis(spec) + "\n\nRun '" + path + " --help' for more information", 125);
    }
}

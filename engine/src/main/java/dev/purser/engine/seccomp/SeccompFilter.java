package dev.purser.engine.seccomp;

import java.util.List;

/**
 * A profile resolved for one container on one host: the default action, the architectures
 * besides the native one, and libseccomp's rules (a rule's conditions all have to hold). Its
 * {@link #text()} is the file the native stage's {@code --seccomp} reads.
 */
public record SeccompFilter(String defaultAction, List<String> architectures, List<Rule> rules) {

    public SeccompFilter {
        architectures = List.copyOf(architectures);
        rules = List.copyOf(rules);
    }

    /** One libseccomp rule: an action ({@code allow}, {@code errno:38}, ...) for a syscall. */
    public record Rule(String action, String syscall, List<Condition> conditions) {
        public Rule {
            conditions = List.copyOf(conditions);
        }

        String line() {
            StringBuilder out = new StringBuilder(action).append(' ').append(syscall);
            for (Condition c : conditions) {
                out.append(' ').append(c.word());
            }
            return out.toString();
        }
    }

    /**
     * A comparison of argument {@code index}; {@code value} and {@code valueTwo} are unsigned
     * 64-bit numbers. For {@code masked_eq}, value is the mask and valueTwo what the masked
     * argument must equal.
     */
    public record Condition(int index, String op, long value, long valueTwo) {
        String word() {
            return index + ":" + op + ":" + Long.toUnsignedString(value) + ":" + Long.toUnsignedString(valueTwo);
        }
    }

    /** The rules for one syscall, in order. */
    public List<Rule> rulesFor(String syscall) {
        return rules.stream().filter(r -> r.syscall().equals(syscall)).toList();
    }

    /** The stage's file format (engine/src/main/c/README.md). */
    public String text() {
        StringBuilder out = new StringBuilder("default ").append(defaultAction).append('\n');
        for (String arch : architectures) {
            out.append("arch ").append(arch).append('\n');
        }
        for (Rule r : rules) {
            out.append(r.line()).append('\n');
        }
        return out.toString();
    }
}

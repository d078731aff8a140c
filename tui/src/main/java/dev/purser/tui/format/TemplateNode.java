package dev.purser.tui.format;

import java.util.List;

/** The parse tree of a Go template: text, actions and the control structures people use. */
sealed interface TemplateNode {
    record Text(String text) implements TemplateNode {}

    record Action(Pipeline pipeline) implements TemplateNode {}

    /** {@code if}, {@code with} and {@code range}; {@code elseBody} is empty when there is no else. */
    record Branch(Kind kind, Pipeline pipeline, List<TemplateNode> body, List<TemplateNode> elseBody)
            implements TemplateNode {}

    enum Kind { IF, WITH, RANGE }

    /** {@code $a, $b := cmd | cmd}; declared is empty for a plain pipeline. */
    record Pipeline(List<String> declared, List<Command> commands) {}

    record Command(List<Operand> operands) {}

    sealed interface Operand {}

    /** {@code .A.B}; an empty path is the dot itself. */
    record Field(List<String> path) implements Operand {}

    /** {@code $x.A.B}; name "$" is the template's root data. */
    record Variable(String name, List<String> path) implements Operand {}

    record Function(String name) implements Operand {}

    record Literal(Object value) implements Operand {}

    /** {@code (pipeline).A.B}. */
    record Nested(Pipeline pipeline, List<String> path) implements Operand {}
}

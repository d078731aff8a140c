package dev.purser.tui.format;

import com.fasterxml.jackson.databind.JsonNode;
import dev.purser.tui.format.TemplateNode.*;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed Go template, executed against Jackson trees. Missing keys print {@code <no value>}
 * as they do for docker's map-based inspect; a template made {@link #strict()} instead fails
 * on unknown fields, as docker's typed {@code ps}/{@code images} rows do.
 */
public final class Template {
    private final List<TemplateNode> nodes;
    private final boolean strict;

    private Template(List<TemplateNode> nodes, boolean strict) {
        this.nodes = nodes;
        this.strict = strict;
    }

    /** Parses Go template text; throws {@link TemplateException} with Go's wording. */
    public static Template parse(String text) {
        return new Template(TemplateParser.parse(text), false);
    }

    /** The same template, failing on fields the data does not have. */
    public Template strict() {
        return new Template(nodes, true);
    }

    public String execute(JsonNode data) {
        return run(data, false);
    }

    /** Executes with docker's header functions: json/upper/... leave the column name alone. */
    public String executeHeader(JsonNode header) {
        return run(header, true);
    }

    private String run(JsonNode data, boolean header) {
        StringBuilder out = new StringBuilder();
        Map<String, Object> vars = new HashMap<>();
        vars.put("$", data);
        new Execution(out, header, strict).list(nodes, data, vars);
        return out.toString();
    }

    /** One execution: the output buffer and how to treat fields and functions. */
    private record Execution(StringBuilder out, boolean header, boolean strict) {
        void list(List<TemplateNode> nodes, Object dot, Map<String, Object> vars) {
            for (TemplateNode node : nodes) {
                if (node instanceof Text t) {
                    out.append(t.text());
                } else if (node instanceof Action a) {
                    Object v = pipeline(a.pipeline(), dot, vars);
                    if (a.pipeline().declared().isEmpty()) out.append(print(v));
                } else if (node instanceof Branch b) {
                    branch(b, dot, vars);
                }
            }
        }

        private String print(Object v) {
            if (v instanceof JsonNode n && n.isMissingNode()) return GoValues.NO_VALUE;
            return GoValues.print(v);
        }

        private void branch(Branch b, Object dot, Map<String, Object> outer) {
            Map<String, Object> vars = new HashMap<>(outer);
            switch (b.kind()) {
                case IF -> {
                    Object v = pipeline(b.pipeline(), dot, vars);
                    list(GoValues.truth(v) ? b.body() : b.elseBody(), dot, vars);
                }
                case WITH -> {
                    Object v = pipeline(b.pipeline(), dot, vars);
                    if (GoValues.truth(v)) list(b.body(), v, vars);
                    else list(b.elseBody(), dot, vars);
                }
                case RANGE -> {
                    Pipeline p = b.pipeline();
                    Pipeline value = new Pipeline(List.of(), p.commands());
                    var entries = GoValues.entries(pipeline(value, dot, vars));
                    if (entries.isEmpty()) {
                        list(b.elseBody(), dot, vars);
                        return;
                    }
                    for (var e : entries) {
                        if (p.declared().size() == 1) vars.put(p.declared().get(0), e.getValue());
                        if (p.declared().size() == 2) {
                            vars.put(p.declared().get(0), e.getKey() instanceof Integer i ? (Object) i.longValue() : e.getKey());
                            vars.put(p.declared().get(1), e.getValue());
                        }
                        list(b.body(), e.getValue(), vars);
                    }
                }
            }
        }

        private Object pipeline(Pipeline p, Object dot, Map<String, Object> vars) {
            Object value = null;
            boolean first = true;
            for (Command c : p.commands()) {
                value = command(c, dot, vars, first ? null : new Object[] {value});
                first = false;
            }
            if (!p.declared().isEmpty()) vars.put(p.declared().get(0), value);
            return value;
        }

        private Object command(Command c, Object dot, Map<String, Object> vars, Object[] piped) {
            List<TemplateNode.Operand> ops = c.operands();
            if (ops.get(0) instanceof Function f) {
                List<Object> args = new ArrayList<>();
                for (int i = 1; i < ops.size(); i++) args.add(operand(ops.get(i), dot, vars));
                if (piped != null) args.add(piped[0]);
                return TemplateFunctions.call(f.name(), args, header);
            }
            if (ops.size() > 1 || piped != null) {
                throw new TemplateException("template: :1: executing \"\" at <" + describe(ops.get(0)) + ">: can't give argument to non-function " + describe(ops.get(0)));
            }
            return operand(ops.get(0), dot, vars);
        }

        private Object operand(TemplateNode.Operand op, Object dot, Map<String, Object> vars) {
            if (op instanceof Field f) return path(dot, f.path());
            if (op instanceof Literal l) return l.value();
            if (op instanceof Variable v) {
                if (!vars.containsKey(v.name())) throw new TemplateException("template: :1: undefined variable: " + v.name());
                return path(vars.get(v.name()), v.path());
            }
            if (op instanceof Nested n) return path(pipeline(n.pipeline(), dot, vars), n.path());
            if (op instanceof Function f) return TemplateFunctions.call(f.name(), List.of(), header);
            throw new IllegalStateException(op.toString());
        }

        private Object path(Object start, List<String> path) {
            Object current = start;
            for (String name : path) {
                if (current instanceof JsonNode n && n.isObject()) {
                    JsonNode child = n.get(name);
                    if (child == null) {
                        if (strict) {
                            throw new TemplateException("template: :1: executing \"\" at <." + name + ">: can't evaluate field " + name);
                        }
                        current = com.fasterxml.jackson.databind.node.MissingNode.getInstance();
                    } else {
                        current = child;
                    }
                } else if (current == null || (current instanceof JsonNode n && (n.isNull() || n.isMissingNode()))) {
                    // Go: a field of a nil map value is <no value>; of a nil pointer it is an error.
                    if (strict) throw new TemplateException("template: :1: executing \"\" at <." + name + ">: nil pointer evaluating ." + name);
                    current = com.fasterxml.jackson.databind.node.MissingNode.getInstance();
                } else {
                    throw new TemplateException("template: :1: executing \"\" at <." + name + ">: can't evaluate field " + name
                            + " in type " + GoValues.typeName(current));
                }
            }
            return current;
        }

        private static String describe(TemplateNode.Operand op) {
            if (op instanceof Field f) return "." + String.join(".", f.path());
            if (op instanceof Variable v) return v.name();
            return String.valueOf(op);
        }
    }
}

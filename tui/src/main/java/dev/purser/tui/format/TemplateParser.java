package dev.purser.tui.format;

import dev.purser.tui.format.TemplateNode.*;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Parses Go template text into {@link TemplateNode}s. Covers actions, pipelines, variables,
 * {@code if/else if/else}, {@code with}, {@code range}, comments and {@code {{- -}}} trimming;
 * errors are worded like text/template's ("template: :1: unclosed action").
 */
final class TemplateParser {
    private final String src;
    private final List<Object> items = new ArrayList<>(); // String text or Action tokens
    private int pos;

    private record ActionText(String body, int line) {}

    private TemplateParser(String src) {
        this.src = src;
    }

    static List<TemplateNode> parse(String src) {
        TemplateParser p = new TemplateParser(src);
        p.split();
        Deque<Object> queue = new ArrayDeque<>(p.items);
        List<TemplateNode> nodes = new ArrayList<>();
        String end = p.parseList(queue, nodes);
        if (end != null) {
            throw error(lineOf(queue, p), "unexpected {{" + end + "}}");
        }
        return nodes;
    }

    private static int lineOf(Deque<Object> queue, TemplateParser p) {
        return p.lastLine;
    }

    private int lastLine = 1;

    static TemplateException error(int line, String message) {
        return new TemplateException("template: :" + line + ": " + message);
    }

    /** Splits the source into text and action bodies, applying trim markers. */
    private void split() {
        int line = 1;
        StringBuilder text = new StringBuilder();
        while (pos < src.length()) {
            int open = src.indexOf("{{", pos);
            if (open < 0) {
                text.append(src, pos, src.length());
                break;
            }
            text.append(src, pos, open);
            line += count(src.substring(pos, open));
            int bodyStart = open + 2;
            if (src.startsWith("- ", bodyStart) || src.startsWith("-\t", bodyStart) || src.startsWith("-\n", bodyStart)) {
                int k = text.length();
                while (k > 0 && Character.isWhitespace(text.charAt(k - 1))) k--;
                text.setLength(k);
                bodyStart += 1;
            }
            int close = findClose(bodyStart, line);
            String body = src.substring(bodyStart, close);
            boolean trimRight = body.endsWith(" -") || body.endsWith("\t-") || body.endsWith("\n-");
            if (trimRight) body = body.substring(0, body.length() - 1);
            if (text.length() > 0) items.add(text.toString());
            text.setLength(0);
            items.add(new ActionText(body, line));
            line += count(body);
            pos = close + 2;
            if (trimRight) {
                while (pos < src.length() && Character.isWhitespace(src.charAt(pos))) {
                    if (src.charAt(pos) == '\n') line++;
                    pos++;
                }
            }
        }
        if (text.length() > 0) items.add(text.toString());
    }

    private int findClose(int from, int line) {
        boolean inString = false;
        char quote = 0;
        for (int i = from; i < src.length(); i++) {
            char c = src.charAt(i);
            if (inString) {
                if (c == '\\' && quote == '"') i++;
                else if (c == quote) inString = false;
            } else if (c == '"' || c == '`' || c == '\'') {
                inString = true;
                quote = c;
            } else if (c == '}' && src.startsWith("}}", i)) {
                return i;
            }
        }
        throw error(line, "unclosed action");
    }

    private static int count(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) == '\n') n++;
        return n;
    }

    /** Parses nodes until {{end}} or {{else...}}; returns that keyword's action body, or null at EOF. */
    private String parseList(Deque<Object> queue, List<TemplateNode> into) {
        while (!queue.isEmpty()) {
            Object item = queue.poll();
            if (item instanceof String s) {
                into.add(new Text(s));
                continue;
            }
            ActionText action = (ActionText) item;
            lastLine = action.line();
            String body = action.body().trim();
            if (body.startsWith("/*")) {
                if (!body.endsWith("*/")) throw error(action.line(), "unclosed comment");
                continue;
            }
            List<Token> tokens = new Lexer(body, action.line()).tokens();
            if (tokens.isEmpty()) throw error(action.line(), "missing value for command");
            Token first = tokens.get(0);
            if (first.kind == TokenKind.IDENT) {
                switch (first.text) {
                    case "end":
                        return "end";
                    case "else":
                        return body;
                    case "if", "with", "range": {
                        into.add(parseBranch(first.text, tokens.subList(1, tokens.size()), action.line(), queue));
                        continue;
                    }
                    case "define", "template", "block", "break", "continue":
                        throw error(action.line(), "{{" + first.text + "}} is not supported by purser");
                    default:
                        break;
                }
            }
            into.add(new Action(new PipelineParser(tokens, action.line()).pipeline()));
        }
        return null;
    }

    private Branch parseBranch(String keyword, List<Token> tokens, int line, Deque<Object> queue) {
        Kind kind = Kind.valueOf(keyword.toUpperCase());
        if (tokens.isEmpty()) throw error(line, "missing value for " + keyword);
        Pipeline pipeline = new PipelineParser(tokens, line).pipeline();
        List<TemplateNode> body = new ArrayList<>();
        String end = parseList(queue, body);
        if (end == null) throw error(lastLine, "unexpected EOF");
        List<TemplateNode> elseBody = new ArrayList<>();
        if (!end.equals("end")) {
            List<Token> elseTokens = new Lexer(end, lastLine).tokens();
            if (elseTokens.size() == 1) {
                String close = parseList(queue, elseBody);
                if (!"end".equals(close)) throw error(lastLine, close == null ? "unexpected EOF" : "expected end; found {{" + close + "}}");
            } else {
                // {{else if ...}} / {{else with ...}} nest a branch that shares our {{end}}.
                Token next = elseTokens.get(1);
                elseBody.add(parseBranch(next.text, elseTokens.subList(2, elseTokens.size()), lastLine, queue));
            }
        }
        return new Branch(kind, pipeline, body, elseBody);
    }

    enum TokenKind { FIELD, VARIABLE, IDENT, STRING, NUMBER, PIPE, LPAREN, RPAREN, DECLARE, ASSIGN, COMMA, BOOL, NIL }

    record Token(TokenKind kind, String text, Object value) {}

    /** Splits one action's body into tokens. */
    static final class Lexer {
        private final String s;
        private final int line;
        private int i;

        Lexer(String s, int line) {
            this.s = s;
            this.line = line;
        }

        List<Token> tokens() {
            List<Token> out = new ArrayList<>();
            while (true) {
                while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
                if (i >= s.length()) return out;
                char c = s.charAt(i);
                if (c == '|') { out.add(new Token(TokenKind.PIPE, "|", null)); i++; }
                else if (c == '(') { out.add(new Token(TokenKind.LPAREN, "(", null)); i++; }
                else if (c == ')') { out.add(new Token(TokenKind.RPAREN, ")", null)); i++; }
                else if (c == ',') { out.add(new Token(TokenKind.COMMA, ",", null)); i++; }
                else if (c == ':' && s.startsWith(":=", i)) { out.add(new Token(TokenKind.DECLARE, ":=", null)); i += 2; }
                else if (c == '=') { out.add(new Token(TokenKind.ASSIGN, "=", null)); i++; }
                else if (c == '"') out.add(new Token(TokenKind.STRING, null, quoted()));
                else if (c == '`') {
                    int end = s.indexOf('`', i + 1);
                    if (end < 0) throw error(line, "unterminated raw quoted string");
                    out.add(new Token(TokenKind.STRING, null, s.substring(i + 1, end)));
                    i = end + 1;
                } else if (c == '.' && (i + 1 >= s.length() || !Character.isDigit(s.charAt(i + 1)))) {
                    out.add(new Token(TokenKind.FIELD, word(), null));
                } else if (c == '$') {
                    out.add(new Token(TokenKind.VARIABLE, word(), null));
                } else if (Character.isDigit(c) || c == '-' || c == '+' || c == '.') {
                    int start = i++;
                    while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '.')) i++;
                    String num = s.substring(start, i);
                    try {
                        Object value = num.contains(".") || num.contains("e") ? (Object) Double.parseDouble(num) : (Object) Long.decode(num);
                        out.add(new Token(TokenKind.NUMBER, num, value));
                    } catch (NumberFormatException e) {
                        throw error(line, "bad number syntax: \"" + num + "\"");
                    }
                } else if (Character.isLetter(c) || c == '_') {
                    String w = word();
                    switch (w) {
                        case "true", "false" -> out.add(new Token(TokenKind.BOOL, w, Boolean.parseBoolean(w)));
                        case "nil" -> out.add(new Token(TokenKind.NIL, w, null));
                        default -> out.add(new Token(TokenKind.IDENT, w, null));
                    }
                } else {
                    throw error(line, "unexpected \"" + c + "\" in command");
                }
            }
        }

        private String word() {
            int start = i++;
            while (i < s.length()) {
                char c = s.charAt(i);
                if (Character.isLetterOrDigit(c) || c == '_' || c == '.' || (c == '$' && i == start)) i++;
                else break;
            }
            return s.substring(start, i);
        }

        private String quoted() {
            StringBuilder b = new StringBuilder();
            i++;
            while (i < s.length()) {
                char c = s.charAt(i++);
                if (c == '"') return b.toString();
                if (c == '\\' && i < s.length()) {
                    char e = s.charAt(i++);
                    switch (e) {
                        case 'n' -> b.append('\n');
                        case 't' -> b.append('\t');
                        case 'r' -> b.append('\r');
                        case '\\' -> b.append('\\');
                        case '"' -> b.append('"');
                        default -> b.append('\\').append(e);
                    }
                } else {
                    b.append(c);
                }
            }
            throw error(line, "unterminated quoted string");
        }
    }

    /** Turns one action's tokens into a pipeline. */
    static final class PipelineParser {
        private final List<Token> tokens;
        private final int line;
        private int i;

        PipelineParser(List<Token> tokens, int line) {
            this.tokens = tokens;
            this.line = line;
        }

        Pipeline pipeline() {
            Pipeline p = parsePipeline();
            if (i < tokens.size()) throw error(line, "unexpected \"" + describe(tokens.get(i)) + "\" in operand");
            return p;
        }

        private Pipeline parsePipeline() {
            List<String> declared = new ArrayList<>();
            int save = i;
            while (i < tokens.size() && tokens.get(i).kind == TokenKind.VARIABLE) {
                declared.add(tokens.get(i).text);
                i++;
                if (i < tokens.size() && tokens.get(i).kind == TokenKind.COMMA) { i++; continue; }
                break;
            }
            if (!declared.isEmpty() && i < tokens.size()
                    && (tokens.get(i).kind == TokenKind.DECLARE || tokens.get(i).kind == TokenKind.ASSIGN)) {
                i++;
            } else {
                declared.clear();
                i = save;
            }
            List<Command> commands = new ArrayList<>();
            while (true) {
                List<Operand> operands = new ArrayList<>();
                while (i < tokens.size() && tokens.get(i).kind != TokenKind.PIPE && tokens.get(i).kind != TokenKind.RPAREN) {
                    operands.add(operand());
                }
                if (operands.isEmpty()) throw error(line, "missing value for command");
                commands.add(new Command(operands));
                if (i < tokens.size() && tokens.get(i).kind == TokenKind.PIPE) { i++; continue; }
                return new Pipeline(List.copyOf(declared), commands);
            }
        }

        private Operand operand() {
            Token t = tokens.get(i++);
            switch (t.kind) {
                case FIELD:
                    return new Field(path(t.text));
                case VARIABLE: {
                    int dot = t.text.indexOf('.');
                    return dot < 0 ? new Variable(t.text, List.of())
                            : new Variable(t.text.substring(0, dot), path(t.text.substring(dot)));
                }
                case IDENT:
                    if (!TemplateFunctions.isDefined(t.text)) throw error(line, "function \"" + t.text + "\" not defined");
                    return new Function(t.text);
                case STRING, NUMBER, BOOL, NIL:
                    return new Literal(t.value);
                case LPAREN: {
                    Pipeline inner = parsePipeline();
                    if (i >= tokens.size() || tokens.get(i).kind != TokenKind.RPAREN) throw error(line, "unclosed left paren");
                    i++;
                    List<String> path = List.of();
                    if (i < tokens.size() && tokens.get(i).kind == TokenKind.FIELD) path = path(tokens.get(i++).text);
                    return new Nested(inner, path);
                }
                default:
                    throw error(line, "unexpected \"" + describe(t) + "\" in operand");
            }
        }

        private static String describe(Token t) {
            return t.text != null ? t.text : String.valueOf(t.value);
        }

        private static List<String> path(String dotted) {
            List<String> parts = new ArrayList<>();
            for (String part : dotted.split("\\.")) if (!part.isEmpty()) parts.add(part);
            return List.copyOf(parts);
        }
    }
}

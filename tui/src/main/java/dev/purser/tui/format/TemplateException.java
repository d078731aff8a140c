package dev.purser.tui.format;

/** A template that does not parse or cannot be executed; the message reads like Go's. */
public final class TemplateException extends RuntimeException {
    public TemplateException(String message) {
        super(message);
    }
}

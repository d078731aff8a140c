package dev.purser.tui.dashboard;

import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.ExtendedTerminal;
import com.googlecode.lanterna.terminal.MouseCaptureMode;
import java.io.IOException;

/**
 * Turns the terminal's mouse reports on or off (lanterna-traps T14). Off by default: while a
 * terminal reports the mouse to a program, its own text selection (and so copying) is off.
 */
final class MouseCapture {
    private final Screen screen;

    MouseCapture(Screen screen) {
        this.screen = screen;
    }

    /** Returns false when this terminal cannot report the mouse at all. */
    boolean set(boolean on) {
        if (!(screen instanceof TerminalScreen ts) || !(ts.getTerminal() instanceof ExtendedTerminal terminal)) return false;
        try {
            // clicks, releases and the wheel (X10 reports, the only kind Lanterna decodes)
            terminal.setMouseCaptureMode(on ? MouseCaptureMode.CLICK_RELEASE : null);
            terminal.flush();
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}

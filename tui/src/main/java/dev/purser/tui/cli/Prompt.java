package dev.purser.tui.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

/** docker's prompt.Confirm: prints the question with " [y/N] " and reads one line; only y or Y agrees. */
final class Prompt {
    private Prompt() {}

    static boolean confirm(Session session, String question) {
        session.out.print(question + " [y/N] ");
        session.out.flush();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        try {
            for (int b; (b = session.in.read()) != -1 && b != '\n'; ) line.write(b);
        } catch (IOException e) {
            return false;
        }
        String answer = line.toString().trim();
        return answer.equalsIgnoreCase("y");
    }
}

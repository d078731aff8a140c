package dev.purser.tui.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunFormTest {
    private static void type(RunForm form, String text) {
        for (char c : text.toCharArray()) form.key(new KeyStroke(c, false, false));
    }

    private static void next(RunForm form) {
        form.key(new KeyStroke(KeyType.Tab));
    }

    @Test
    void quotesKeepBlanksInsideOneWord() {
        assertThat(RunForm.words("sh -c 'sleep 600' \"a b\"")).containsExactly("sh", "-c", "sleep 600", "a b");
    }

    @Test
    void anEmptyQuotedWordIsAWord() {
        assertThat(RunForm.words("echo ''")).containsExactly("echo", "");
    }

    @Test
    void theFieldsBecomeRunsFlagsThenTheImageAndTheCommand() {
        RunForm form = new RunForm("");
        type(form, "busybox");
        next(form);
        type(form, "web");
        next(form);
        type(form, "httpd -f");
        next(form);
        type(form, "A=1 B=2");
        next(form);
        type(form, "8080:80");
        next(form);
        type(form, "/srv:/www:ro");
        assertThat(form.arguments()).isEqualTo(List.of("-d", "--name=web", "--env=A=1", "--env=B=2", "--publish=8080:80",
                "--volume=/srv:/www:ro", "--restart=no", "busybox", "httpd", "-f"));
    }

    @Test
    void aShellAfterwardsAsksForATerminalAndOpenInput() {
        RunForm form = new RunForm("busybox");
        while (form.current() != RunForm.Field.THEN) next(form);
        form.key(new KeyStroke(' ', false, false));
        assertThat(form.then()).isEqualTo(RunForm.Then.SHELL);
        assertThat(form.arguments()).startsWith("-d", "-it");
    }

    @Test
    void enterSubmitsAndEscCancels() {
        RunForm form = new RunForm("busybox");
        assertThat(form.key(new KeyStroke(KeyType.Enter))).isEqualTo(RunForm.Outcome.SUBMIT);
        assertThat(form.key(new KeyStroke(KeyType.Escape))).isEqualTo(RunForm.Outcome.CANCEL);
    }
}

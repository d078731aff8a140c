package dev.purser.tui.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.purser.tui.it.InProcessDaemon.Result;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The chapter-2 contract through the purser CLI (in-process) against purser's daemon. */
class PurserChapterTwoIT extends ChapterTwoContract {
    static InProcessDaemon daemon;

    @BeforeAll
    static void startDaemon() {
        daemon = InProcessDaemon.start();
        Result imported = daemon.importBusybox();
        assertThat(imported.exitCode()).as(imported.err()).isZero();
    }

    @AfterAll
    static void stopDaemon() {
        daemon.close();
    }

    @Override
    ContractClient client() {
        return new ContractClient() {
            @Override
            public Result run(String... args) {
                return daemon.purser(args);
            }

            @Override
            public Path scratch() {
                return daemon.root();
            }
        };
    }
}

package dev.purser.tui.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.purser.tui.it.InProcessDaemon.Result;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The chapter-2 contract through the stock docker CLI against purser's daemon. */
class DockerChapterTwoIT extends ChapterTwoContract {
    static InProcessDaemon daemon;
    static ContractClient docker;

    @BeforeAll
    static void startDaemon() {
        daemon = InProcessDaemon.start();
        Result imported = daemon.importBusybox();
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        docker = ContractClient.docker(daemon.host(), daemon.root());
    }

    @AfterAll
    static void stopDaemon() {
        daemon.close();
    }

    @Override
    ContractClient client() {
        return docker;
    }
}

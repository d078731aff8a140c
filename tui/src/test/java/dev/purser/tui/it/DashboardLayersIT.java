package dev.purser.tui.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.input.KeyType;
import dev.purser.tui.it.InProcessDaemon.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The layers of an image with more layers than the screen has rows, on Lanterna's virtual
 * terminal against a real daemon: the images view's layers pane and a container's Layers tab
 * scroll with the arrows, the page keys and g/G (start, end), and say which rows they show. The image
 * is loaded from a docker save archive made here: busybox, then 30 layers made by "RUN step NN".
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class DashboardLayersIT {
    private static final int STEPS = 30;
    private static final Pattern IMAGE_ROWS = Pattern.compile("(\\d+)–(\\d+) of (\\d+)");
    static InProcessDaemon daemon;
    DashboardHarness screen;

    @BeforeAll
    static void startDaemon() throws IOException {
        daemon = InProcessDaemon.start();
        Path archive = daemon.root().resolve("layered.tar");
        Files.write(archive, LayeredImage.save("layered:1", STEPS));
        Result loaded = daemon.purser("load", "-i", archive.toString());
        assertThat(loaded.exitCode()).as(loaded.err()).isZero();
        Result run = daemon.purser("run", "-d", "--name", "layered_box", "layered:1");
        assertThat(run.exitCode()).as(run.err()).isZero();
    }

    @AfterAll
    static void stopDaemon() {
        daemon.close();
    }

    @AfterEach
    void closeScreen() throws InterruptedException {
        if (screen != null) screen.close();
    }

    /** The rows a pane says it shows: first, last and how many there are. */
    private static int[] rowsShown(String shown) {
        Matcher m = IMAGE_ROWS.matcher(shown);
        assertThat(m.find()).as("a pane saying which rows it shows:\n" + shown).isTrue();
        return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))};
    }

    /** The images view with layered:1's layers open and focused. */
    private String openImageLayers() {
        screen = new DashboardHarness(daemon);
        screen.waitFor("containers,");
        screen.press('2');
        screen.waitFor("layered");
        for (int i = 0; i < 5 && !screen.text().split("\n")[Math.max(0, screen.selectedRow())].contains("layered"); i++) {
            screen.press(KeyType.ArrowDown);
        }
        screen.press(KeyType.Enter);
        return screen.waitFor("RUN step " + STEPS);
    }

    @Test
    void theLayersPaneShowsTheNewestLayersFirstAndSaysHowManyThereAre() {
        String shown = openImageLayers();
        assertThat(shown).contains("Layers of layered:1").doesNotContain("ADD busybox /");
        int[] rows = rowsShown(shown);
        assertThat(rows[0]).isEqualTo(1);
        assertThat(rows[2]).isEqualTo(STEPS + 1);
        assertThat(screen.rowOf("RUN step " + STEPS)).isLessThan(screen.rowOf("RUN step " + (STEPS - 1)));
    }

    @Test
    void theDownArrowScrollsTheLayersByOneRow() {
        openImageLayers();
        screen.press(KeyType.ArrowDown);
        String shown = screen.waitUntil("the newest layer scrolled off", s -> !s.contains("RUN step " + STEPS));
        assertThat(rowsShown(shown)[0]).isEqualTo(2);
        assertThat(shown).contains("RUN step " + (STEPS - 1));
    }

    @Test
    void pageDownRevealsTheRowsBelowAndPageUpGoesBack() {
        String first = openImageLayers();
        int[] before = rowsShown(first);
        screen.press(KeyType.PageDown);
        String paged = screen.waitUntil("a page further", s -> rowsShown(s)[0] > before[0]);
        int[] after = rowsShown(paged);
        assertThat(after[1]).isGreaterThan(before[1]);
        // the row just below the first page is on screen now
        assertThat(paged).contains(String.format("RUN step %02d", STEPS + 1 - (before[1] + 1)));
        screen.press(KeyType.PageUp);
        screen.waitUntil("back at the top", s -> rowsShown(s)[0] == 1);
    }

    @Test
    void toEndShowsTheOldestLayerAtTheBottomAndToStartTheNewestAgain() {
        openImageLayers();
        screen.press('G');
        String end = screen.waitFor("ADD busybox /");
        int[] rows = rowsShown(end);
        assertThat(rows[1]).isEqualTo(STEPS + 1);
        assertThat(end).doesNotContain("RUN step " + STEPS);
        screen.press('g');
        screen.waitFor("RUN step " + STEPS);
    }

    /** The containers view on layered_box's Layers tab, focused. */
    private String openContainerLayers() {
        screen = new DashboardHarness(daemon);
        screen.waitFor("layered_box");
        screen.press('/');
        screen.type("layered_box");
        screen.press(KeyType.Enter);
        screen.waitFor("filter \"layered_box\"");
        for (int i = 0; i < 4; i++) screen.press(']');
        String shown = screen.waitFor("this container");
        screen.press(KeyType.Enter);
        return shown;
    }

    @Test
    void theLayersTabScrollsThroughTheImagesLayersBelowTheWritableLayer() {
        String first = openContainerLayers();
        // the writable layer, then the 31 image layers: more rows than the tab has
        assertThat(rowsShown(first)[2]).isEqualTo(STEPS + 2);
        assertThat(first).contains("(writable layer").doesNotContain("ADD busybox /");
        screen.press(KeyType.PageDown);
        String paged = screen.waitUntil("a page further", s -> rowsShown(s)[0] > 1);
        assertThat(paged).doesNotContain("(writable layer");
        screen.press('G');
        String end = screen.waitFor("ADD busybox /");
        assertThat(rowsShown(end)[1]).isEqualTo(STEPS + 2);
        screen.press(KeyType.ArrowUp);
        screen.waitUntil("one row up", s -> rowsShown(s)[1] == STEPS + 1);
    }
}

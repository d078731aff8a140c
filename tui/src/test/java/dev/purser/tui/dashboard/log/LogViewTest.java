package dev.purser.tui.dashboard.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogViewTest {
    private static List<LogLine> lines(String... texts) {
        List<LogLine> out = new ArrayList<>();
        for (String t : texts) out.add(new LogLine("", false, "", StyledText.plain(t)));
        return out;
    }

    @Test
    void theRingKeepsOnlyItsCapacity() {
        LogRing ring = new LogRing(3);
        for (LogLine l : lines("1", "2", "3", "4", "5")) ring.add(l);
        assertThat(ring.size()).isEqualTo(3);
        assertThat(ring.get(0).text().text()).isEqualTo("3");
        assertThat(ring.get(2).text().text()).isEqualTo("5");
        assertThat(ring.dropped()).isEqualTo(2);
    }

    @Test
    void searchFindsTheNewestMatchAndPausesFollowing() {
        LogView view = new LogView(100);
        view.append(lines("alpha", "needle one", "beta", "needle two", "gamma"));
        assertThat(view.search("NEEDLE")).isTrue();
        assertThat(view.currentMatch()).isEqualTo(3);
        assertThat(view.following()).isFalse();
        assertThat(view.matchCount()).isEqualTo(2);
    }

    @Test
    void nextAndPreviousWalkTheMatches() {
        LogView view = new LogView(100);
        view.append(lines("needle a", "x", "needle b", "y", "needle c"));
        view.search("needle");
        assertThat(view.currentMatch()).isEqualTo(4);
        assertThat(view.previous()).isTrue();
        assertThat(view.currentMatch()).isEqualTo(2);
        assertThat(view.previous()).isTrue();
        assertThat(view.currentMatch()).isEqualTo(0);
        assertThat(view.previous()).isFalse();
        assertThat(view.next()).isTrue();
        assertThat(view.currentMatch()).isEqualTo(2);
    }

    @Test
    void noMatchSaysSo() {
        LogView view = new LogView(100);
        view.append(lines("a", "b"));
        assertThat(view.search("zzz")).isFalse();
    }

    @Test
    void searchPositionsSurviveLinesPushedOutOfTheRing() {
        LogView view = new LogView(3);
        view.append(lines("needle", "b", "c"));
        view.search("needle");
        assertThat(view.currentMatch()).isZero();
        view.append(lines("d", "needle again"));
        assertThat(view.next()).isTrue();
        assertThat(view.currentMatch()).isEqualTo(4);
    }
}

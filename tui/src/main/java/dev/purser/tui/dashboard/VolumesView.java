package dev.purser.tui.dashboard;

import static dev.purser.tui.dashboard.Cells.pad;
import static dev.purser.tui.dashboard.Cells.put;
import static dev.purser.tui.dashboard.Cells.shares;

import com.googlecode.lanterna.graphics.TextGraphics;
import dev.purser.tui.client.PurserClient;
import dev.purser.tui.dashboard.containers.ContainerEntry;
import dev.purser.tui.dashboard.theme.Role;
import dev.purser.tui.dashboard.theme.Style;
import dev.purser.tui.dashboard.theme.Theme;
import dev.purser.tui.dashboard.volumes.VolumeEntry;
import dev.purser.tui.dashboard.volumes.VolumeTable;
import java.util.List;

/**
 * The Volumes view: each volume's name, driver, mount point and the containers using it, with a
 * selection for remove; what reading, removing and pruning ask of the daemon. Dashboard runs
 * the calls in the background and the prompts; this class draws and keeps the rows.
 */
final class VolumesView {
    private static final String[] HEADERS = {"VOLUME NAME", "DRIVER", "MOUNTPOINT", "USED BY"};
    private final VolumeTable table = new VolumeTable();

    /**
     * Reads the volumes and, for their users, every container's mounts (daemon calls: not on the
     * UI thread). The containers are read here rather than taken from the Containers view, which
     * may not have loaded yet.
     */
    static List<VolumeEntry> read(PurserClient client) {
        java.time.Instant now = java.time.Instant.now();
        List<ContainerEntry> containers = client.containers().list(true, false, 0, List.of()).stream()
                .map(c -> ContainerEntry.of(c, now)).toList();
        return VolumeEntry.of(client.volumes().list(List.of()), containers);
    }

    void replaceAll(List<VolumeEntry> fresh) {
        table.replaceAll(fresh);
    }

    void move(int rows) {
        table.move(rows);
    }

    java.util.Optional<VolumeEntry> selected() {
        return table.selected();
    }

    /** The confirmation asked before removing the selected volume; in-use volumes are named so, since the daemon will refuse them. */
    static String removeQuestion(VolumeEntry v) {
        return "remove volume " + v.name() + (v.inUse() ? " (used by " + String.join(", ", v.users()) + ")" : "") + "? y/N ";
    }

    static String pruneQuestion() {
        return "prune: remove the anonymous volumes no container uses? y/N ";
    }

    /** Prunes as {@code volume prune} does (anonymous unused volumes; named ones hold what someone named); answers what was done in words. */
    static String prune(PurserClient client) {
        // a daemon before API 1.42 would take named volumes too: the dashboard does not prune there
        if (!dev.purser.tui.client.Volumes.prunesAnonymousOnly(client.volumes().daemonApiVersion())) return "this engine's prune would remove named volumes too: not pruned";
        var report = client.volumes().prune(List.of(), true);
        int n = report.path("VolumesDeleted").size();
        return "pruned " + n + " volume" + (n == 1 ? "" : "s") + ", reclaimed "
                + dev.purser.tui.format.HumanSize.withPrecision(report.path("SpaceReclaimed").asLong(), 4);
    }

    /** Draws the view in rows {@code y} to {@code y + height - 1}; {@code note} says why there are no rows (loading, not supported). */
    void draw(TextGraphics g, Theme theme, int y, int w, int height, String note) {
        int[] widths = shares(w - 2, new int[] {20, 9, 45, 26});
        Style header = theme.style(Role.HEADER);
        int col = put(g, 0, y, 2, "  ", header);
        for (int i = 0; i < HEADERS.length; i++) col = put(g, col, y, Math.min(w, col + widths[i]), pad(HEADERS[i], widths[i]), header);
        if (col < w) put(g, col, y, w, pad("", w - col), header);
        if (!table.loaded() || table.rows().isEmpty()) {
            String why = !note.isEmpty() ? note : table.loaded() ? "No volumes. purser volume create NAME makes one; -v NAME:/path on run too." : "";
            put(g, 2, y + 1, w, why, theme.style(Role.DIM));
            return;
        }
        int visible = height - 1;
        int first = table.scrollFor(visible);
        int selected = table.selectedIndex();
        for (int r = 0; r < visible && first + r < table.rows().size(); r++) {
            VolumeEntry v = table.rows().get(first + r);
            Style style = theme.style(first + r == selected ? Role.SELECTED : v.inUse() ? Role.NORMAL : Role.DIM);
            String[] cells = {v.name(), v.driver(), v.mountpoint(), v.inUse() ? String.join(", ", v.users()) : "-"};
            int c = put(g, 0, y + 1 + r, 2, "  ", style);
            for (int i = 0; i < cells.length; i++) c = put(g, c, y + 1 + r, Math.min(w, c + widths[i]), pad(cells[i], widths[i]), style);
            if (c < w) put(g, c, y + 1 + r, w, pad("", w - c), style);
        }
    }
}

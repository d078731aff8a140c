package dev.purser.tui.dashboard;

import static dev.purser.tui.dashboard.PlainWords.plain;

import com.fasterxml.jackson.databind.JsonNode;
import dev.purser.tui.client.DaemonError;
import dev.purser.tui.client.PurserClient;
import dev.purser.tui.dashboard.containers.ContainerEntry;
import dev.purser.tui.view.ContainerRow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The volumes and networks views' rows: what the engine reports, or a sentence saying why it reports nothing. */
final class EngineObjectsFeed {
    private final PurserClient client;
    private final Background background;
    private final DashboardState state;

    EngineObjectsFeed(PurserClient client, Background background, DashboardState state) {
        this.client = client;
        this.background = background;
        this.state = state;
    }

    void load(View which) {
        state.engineObjects = List.of();
        state.engineObjectsNote = "loading ...";
        List<ContainerEntry> known = state.containers.all();
        background.call(() -> which == View.VOLUMES ? volumes(known) : networks(), rows -> {
            if (state.view != which) return;
            state.engineObjects = rows;
            state.engineObjectsNote = rows.size() == 1 ? "none" : "";
        }, e -> {
            if (e instanceof DaemonError d && d.isNotFound() && (state.view == View.VOLUMES || state.view == View.NETWORKS)) {
                state.engineObjectsNote = "This engine has no " + (state.view == View.VOLUMES ? "volumes" : "networks") + " yet ("
                        + d.daemonMessage() + ").";
            } else {
                state.failed(plain(e));
            }
        });
    }

    private List<String[]> volumes(List<ContainerEntry> known) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"VOLUME NAME", "DRIVER", "MOUNTPOINT", "USED BY"});
        Map<String, List<String>> users = new HashMap<>();
        for (ContainerEntry c : known) {
            for (JsonNode m : c.summary().path("Mounts")) {
                if (m.hasNonNull("Name")) users.computeIfAbsent(m.path("Name").asText(), k -> new ArrayList<>()).add(c.name());
            }
        }
        for (JsonNode v : client.engine().get("/volumes").path("Volumes")) {
            String name = v.path("Name").asText();
            rows.add(new String[] {name, v.path("Driver").asText(), v.path("Mountpoint").asText(),
                String.join(", ", users.getOrDefault(name, List.of()))});
        }
        return rows;
    }

    private List<String[]> networks() {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"NETWORK ID", "NAME", "DRIVER", "SCOPE"});
        for (JsonNode n : client.engine().get("/networks")) {
            rows.add(new String[] {ContainerRow.shortId(n.path("Id").asText()), n.path("Name").asText(),
                n.path("Driver").asText(), n.path("Scope").asText()});
        }
        return rows;
    }
}

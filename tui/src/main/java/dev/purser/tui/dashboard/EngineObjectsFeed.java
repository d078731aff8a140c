package dev.purser.tui.dashboard;

import static dev.purser.tui.dashboard.PlainWords.plain;

import com.fasterxml.jackson.databind.JsonNode;
import dev.purser.tui.client.DaemonError;
import dev.purser.tui.client.PurserClient;
import dev.purser.tui.view.ContainerRow;
import java.util.ArrayList;
import java.util.List;

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
        if (which == View.VOLUMES) {
            background.call(() -> VolumesView.read(client), rows -> {
                state.volumes.replaceAll(rows);
                state.engineObjectsNote = "";
            }, this::failed);
            return;
        }
        background.call(this::networks, rows -> {
            if (state.view != which) return;
            state.engineObjects = rows;
            state.engineObjectsNote = rows.size() == 1 ? "none" : "";
        }, this::failed);
    }

    /** An engine without the endpoint (an older one) is said so in the view; any other error goes to the status line. */
    private void failed(Throwable e) {
        if (e instanceof DaemonError d && d.isNotFound() && (state.view == View.VOLUMES || state.view == View.NETWORKS)) {
            state.engineObjectsNote = "This engine has no " + (state.view == View.VOLUMES ? "volumes" : "networks") + " yet ("
                    + d.daemonMessage() + ").";
        } else {
            state.failed(plain(e));
        }
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

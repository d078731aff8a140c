package dev.purser.tui.dashboard;

import static dev.purser.tui.dashboard.PlainWords.plain;

import com.fasterxml.jackson.databind.JsonNode;
import dev.purser.tui.client.DaemonError;
import dev.purser.tui.client.PurserClient;
import dev.purser.tui.view.ContainerRow;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The volumes and networks views' rows: what the engine reports, or a sentence saying why it
 * reports nothing. Read when the view opens and again when the engine's events say the list
 * changed ({@link #refresh}); a refresh asked for while a read is under way makes one more read
 * after it, never a queue of them.
 */
final class EngineObjectsFeed {
    private final PurserClient client;
    private final Background background;
    private final DashboardState state;
    /** The view whose read is under way, if any, and whether another was asked for meanwhile. */
    private View reading;
    private boolean again;

    EngineObjectsFeed(PurserClient client, Background background, DashboardState state) {
        this.client = client;
        this.background = background;
        this.state = state;
    }

    /** On entering the view: its rows read afresh, "loading ..." until they come. */
    void load(View which) {
        state.engineObjectsNote = "loading ...";
        if (which == View.NETWORKS) state.engineObjects = List.of();
        read(which);
    }

    /** The list changed in the engine: read again, keeping the rows shown until the new ones come. */
    void refresh(View which) {
        if (state.view != which) return;
        if (reading == which) {
            again = true;
            return;
        }
        read(which);
    }

    private void read(View which) {
        reading = which;
        again = false;
        if (which == View.VOLUMES) {
            background.call(() -> VolumesView.read(client), rows -> {
                state.volumes.replaceAll(rows);
                state.engineObjectsNote = "";
                done(which);
            }, e -> {
                failed(e);
                done(which);
            });
            return;
        }
        background.call(this::networks, rows -> {
            if (state.view == which) {
                state.engineObjects = rows;
                state.engineObjectsNote = rows.size() == 1 ? "none" : "";
            }
            done(which);
        }, e -> {
            failed(e);
            done(which);
        });
    }

    private void done(View which) {
        if (reading != which) return;
        reading = null;
        if (again) refresh(which);
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

    /**
     * The header and a row per network, with the containers attached to it: the list does not
     * carry them (Docker leaves them out since API 1.28), so each network is inspected.
     */
    private List<String[]> networks() {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"NETWORK ID", "NAME", "DRIVER", "SCOPE", "CONTAINERS"});
        for (JsonNode n : client.engine().get("/networks")) {
            String id = n.path("Id").asText();
            rows.add(new String[] {ContainerRow.shortId(id), n.path("Name").asText(),
                n.path("Driver").asText(), n.path("Scope").asText(), attached(id)});
        }
        return rows;
    }

    /** The names of the containers on network {@code id}, sorted; "-" for none, or when it went away meanwhile. */
    private String attached(String id) {
        TreeSet<String> names = new TreeSet<>();
        try {
            client.networks().inspect(id).path("Containers").forEach(c -> names.add(c.path("Name").asText()));
        } catch (DaemonError gone) {
            if (!gone.isNotFound()) throw gone;
        }
        return names.isEmpty() ? "-" : String.join(", ", names);
    }
}

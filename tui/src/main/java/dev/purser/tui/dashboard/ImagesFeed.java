package dev.purser.tui.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import dev.purser.tui.client.PurserClient;
import dev.purser.tui.dashboard.images.ImageEntry;
import dev.purser.tui.dashboard.images.ImageLayers;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The images view's rows and the selected image's layers, read from the engine. */
final class ImagesFeed {
    private final PurserClient client;
    private final Background background;
    private final DashboardState state;

    ImagesFeed(PurserClient client, Background background, DashboardState state) {
        this.client = client;
        this.background = background;
        this.state = state;
    }

    void load() {
        background.call(() -> {
            Instant now = Instant.now();
            List<ImageEntry> rows = new ArrayList<>();
            for (JsonNode image : client.images().list(false, false, List.of())) rows.addAll(ImageEntry.of(image, now));
            return rows;
        }, rows -> {
            state.images.replaceAll(rows);
            if (state.layersOpen) loadLayers();
        });
    }

    /** The selected image's layers, with how many images share each (every image is inspected for that). */
    void loadLayers() {
        Optional<ImageEntry> selected = state.images.selected();
        if (selected.isEmpty()) {
            state.layersOpen = false;
            return;
        }
        String ref = selected.get().reference();
        String id = selected.get().id();
        state.layersFor = ref;
        background.call(() -> {
            List<JsonNode> all = new ArrayList<>();
            for (JsonNode image : client.images().list(true, false, List.of())) all.add(client.images().inspect(image.path("Id").asText()));
            return ImageLayers.of(client.images().inspect(id), client.images().history(id), all);
        }, result -> {
            if (ref.equals(state.layersFor)) state.layers = result;
        });
    }
}

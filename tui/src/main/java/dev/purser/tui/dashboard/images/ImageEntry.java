package dev.purser.tui.dashboard.images;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.purser.tui.view.ImageRow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One row of the images view: an image under one repository:tag, as {@code purser images} shows it. */
public record ImageEntry(String id, String reference, ObjectNode row) {
    /** The rows for one image of {@code GET /images/json}: one per tag, or one {@code <none>:<none>}. */
    public static List<ImageEntry> of(JsonNode image, Instant now) {
        List<ImageEntry> out = new ArrayList<>();
        for (ObjectNode row : ImageRow.of(image, true, now)) {
            String ref = row.path("Repository").asText() + ":" + row.path("Tag").asText();
            out.add(new ImageEntry(image.path("Id").asText(), ref, row));
        }
        return out;
    }

    public String field(String name) {
        return row.path(name).asText();
    }
}

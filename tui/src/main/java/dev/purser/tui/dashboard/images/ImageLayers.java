package dev.purser.tui.dashboard.images;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The layers of one image, newest first, with how many images share each and the disk that
 * sharing saves: a layer is stored once however many images use it, so each image beyond the
 * first that has it saves its size once.
 *
 * <p>The Engine API gives a layer's size and command in {@code /images/{id}/history} (newest
 * first, steps that made no layer included) and its identity in {@code RootFS.Layers} of
 * {@code /images/{id}/json} (oldest first, only real layers). History steps with a size are
 * matched to the layers in order, oldest first; when the counts disagree (a layer of 0 bytes),
 * they are matched from the newest end, one step per layer.
 */
public record ImageLayers(String imageId, List<Layer> layers, long savedBySharing) {
    /**
     * @param inspect {@code /images/{id}/json} of the image
     * @param history {@code /images/{id}/history} of the image
     * @param allInspects {@code /images/{id}/json} of every image, for the sharing counts
     */
    public static ImageLayers of(JsonNode inspect, List<JsonNode> history, List<JsonNode> allInspects) {
        List<String> diffIds = new ArrayList<>();
        inspect.path("RootFS").path("Layers").forEach(l -> diffIds.add(l.asText()));
        Map<String, Integer> users = new HashMap<>();
        for (JsonNode other : allInspects) {
            java.util.Set<String> seen = new java.util.HashSet<>();
            other.path("RootFS").path("Layers").forEach(l -> {
                if (seen.add(l.asText())) users.merge(l.asText(), 1, Integer::sum);
            });
        }
        List<JsonNode> oldestFirst = new ArrayList<>(history);
        Collections.reverse(oldestFirst);
        String[] assigned = new String[oldestFirst.size()];
        long sized = oldestFirst.stream().filter(h -> h.path("Size").asLong() > 0).count();
        if (sized == diffIds.size()) {
            int next = 0;
            for (int i = 0; i < oldestFirst.size(); i++) if (oldestFirst.get(i).path("Size").asLong() > 0) assigned[i] = diffIds.get(next++);
        } else {
            for (int k = 0; k < Math.min(diffIds.size(), oldestFirst.size()); k++) {
                assigned[oldestFirst.size() - 1 - k] = diffIds.get(diffIds.size() - 1 - k);
            }
        }
        List<Layer> layers = new ArrayList<>();
        long saved = 0;
        for (int i = oldestFirst.size() - 1; i >= 0; i--) {
            JsonNode h = oldestFirst.get(i);
            String diff = assigned[i] == null ? "" : assigned[i];
            int shared = diff.isEmpty() ? 0 : Math.max(1, users.getOrDefault(diff, 1));
            long size = h.path("Size").asLong();
            layers.add(new Layer(diff, size, h.path("CreatedBy").asText(), h.path("Created").asLong(), shared));
        }
        // each distinct shared layer once: an image may list the same layer twice
        java.util.Set<String> counted = new java.util.HashSet<>();
        for (Layer l : layers) if (l.sharedBy() > 1 && counted.add(l.diffId())) saved += l.size() * (l.sharedBy() - 1);
        return new ImageLayers(inspect.path("Id").asText(), layers, saved);
    }
}

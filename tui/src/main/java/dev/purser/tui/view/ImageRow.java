package dev.purser.tui.view;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.purser.tui.format.HumanDuration;
import dev.purser.tui.format.HumanSize;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** {@code images} rows as docker's image formatter names them: one per repository:tag. */
public final class ImageRow {
    public static final ObjectNode HEADER = ContainerRow.NODES.objectNode()
            .put("ID", "IMAGE ID").put("Repository", "REPOSITORY").put("Tag", "TAG").put("Digest", "DIGEST")
            .put("CreatedSince", "CREATED").put("CreatedAt", "CREATED AT").put("Size", "SIZE")
            .put("Containers", "CONTAINERS").put("SharedSize", "SHARED SIZE").put("UniqueSize", "UNIQUE SIZE");

    private ImageRow() {}

    public static List<ObjectNode> of(JsonNode image, boolean trunc, Instant now) {
        List<ObjectNode> rows = new ArrayList<>();
        List<String> tags = new ArrayList<>();
        image.path("RepoTags").forEach(t -> { if (!t.asText().equals("<none>:<none>")) tags.add(t.asText()); });
        String digest = "<none>";
        if (image.path("RepoDigests").size() > 0) {
            String d = image.path("RepoDigests").get(0).asText();
            if (d.contains("@") && !d.endsWith("@<none>")) digest = d.substring(d.indexOf('@') + 1);
        }
        if (tags.isEmpty()) {
            String repo = "<none>";
            if (image.path("RepoDigests").size() > 0 && !digest.equals("<none>")) {
                String d = image.path("RepoDigests").get(0).asText();
                repo = d.substring(0, d.indexOf('@'));
            }
            rows.add(row(image, repo, "<none>", digest, trunc, now));
        }
        for (String t : tags) {
            int colon = t.lastIndexOf(':');
            boolean hasTag = colon > t.lastIndexOf('/');
            rows.add(row(image, familiar(hasTag ? t.substring(0, colon) : t), hasTag ? t.substring(colon + 1) : "<none>", digest, trunc, now));
        }
        return rows;
    }

    /** docker.io/library/busybox is shown as busybox. */
    public static String familiar(String repo) {
        String r = repo.startsWith("docker.io/") ? repo.substring("docker.io/".length()) : repo;
        return r.startsWith("library/") && r.indexOf('/', 8) < 0 ? r.substring("library/".length()) : r;
    }

    private static ObjectNode row(JsonNode image, String repo, String tag, String digest, boolean trunc, Instant now) {
        long created = image.path("Created").asLong();
        long containers = image.path("Containers").asLong(-1);
        long shared = image.path("SharedSize").asLong(-1);
        long size = image.path("Size").asLong();
        String id = image.path("Id").asText();
        return ContainerRow.NODES.objectNode()
                .put("Containers", containers == -1 ? "N/A" : String.valueOf(containers))
                .put("CreatedAt", ContainerRow.goTime(created))
                .put("CreatedSince", created == 0 ? "" : HumanDuration.ago(Duration.between(Instant.ofEpochSecond(created), now)))
                .put("Digest", digest)
                .put("ID", trunc ? ContainerRow.shortId(id) : id)
                .put("Repository", repo)
                .put("SharedSize", shared == -1 ? "N/A" : HumanSize.withPrecision(shared, 4))
                .put("Size", HumanSize.of(size))
                .put("Tag", tag)
                .put("UniqueSize", shared == -1 ? "N/A" : HumanSize.withPrecision(size - shared, 4));
    }
}

package dev.purser.engine.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.purser.engine.container.Container;
import dev.purser.engine.container.Containers;
import dev.purser.engine.container.DockerJson;
import dev.purser.engine.image.Image;
import dev.purser.engine.image.ImageStore;
import dev.purser.engine.usage.ContainerSize;
import dev.purser.engine.usage.DiskUsage;
import java.util.List;

/**
 * {@code GET /system/df}: Docker's disk usage report. Images with their shared size and how
 * many containers use them, containers with their sizes; purser has no volumes and no build
 * cache yet, so those lists are empty, truthfully.
 */
final class DiskUsageApi {
    private final ImageStore images;
    private final Containers containers;
    private final DiskUsage usage;
    private final ObjectMapper json = DockerJson.mapper();

    DiskUsageApi(ImageStore images, Containers containers, DiskUsage usage) {
        this.images = images;
        this.containers = containers;
        this.usage = usage;
    }

    void register(Router router) {
        router.add("GET", "/system/df", this::df);
    }

    private void df(Exchange x) {
        List<Container> all = containers.list();
        ObjectNode out = json.createObjectNode();
        out.put("LayersSize", usage.layersSize());
        ArrayNode imageRows = out.putArray("Images");
        for (Image image : images.list()) {
            ObjectNode row = ImageApi.summary(image);
            row.put("SharedSize", usage.sharedSize(image));
            row.put("Containers", all.stream().filter(c -> c.image().equals(image.id())).count());
            imageRows.add(row);
        }
        ArrayNode containerRows = out.putArray("Containers");
        for (Container c : all) {
            ObjectNode row = ContainerViews.summary(c, java.util.Map.of());
            ContainerSize size = usage.of(c);
            row.put("SizeRw", size.rw());
            row.put("SizeRootFs", size.rootFs());
            containerRows.add(row);
        }
        out.putArray("Volumes");
        out.putArray("BuildCache");
        x.json(200, out);
    }
}

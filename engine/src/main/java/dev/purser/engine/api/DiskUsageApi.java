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
import dev.purser.engine.volume.VolumeUsage;
import dev.purser.engine.volume.Volumes;
import java.util.List;

/**
 * {@code GET /system/df}: Docker's disk usage report. Images with their shared size and how
 * many containers use them, containers with their sizes, volumes with their sizes and number
 * of users ({@code UsageData}); purser has no build cache yet, so that list is empty, truthfully.
 */
final class DiskUsageApi {
    private final ImageStore images;
    private final Containers containers;
    private final Volumes volumes;
    private final DiskUsage usage;
    private final ObjectMapper json = DockerJson.mapper();

    DiskUsageApi(ImageStore images, Containers containers, Volumes volumes, DiskUsage usage) {
        this.images = images;
        this.containers = containers;
        this.volumes = volumes;
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
        ArrayNode volumeRows = out.putArray("Volumes");
        for (VolumeUsage u : volumes.usage()) {
            ObjectNode row = json.valueToTree(u.volume());
            row.putObject("UsageData").put("Size", u.size()).put("RefCount", u.refCount());
            volumeRows.add(row);
        }
        out.putArray("BuildCache");
        x.json(200, out);
    }
}

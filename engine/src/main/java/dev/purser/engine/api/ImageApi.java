package dev.purser.engine.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.purser.engine.container.Containers;
import dev.purser.engine.container.DockerJson;
import dev.purser.engine.event.EventBus;
import dev.purser.engine.usage.DiskUsage;
import dev.purser.engine.image.HistoryItem;
import dev.purser.engine.image.Image;
import dev.purser.engine.image.ImageDeletion;
import dev.purser.engine.image.ImageFilter;
import dev.purser.engine.image.ImageStore;
import dev.purser.engine.image.LoadResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code /images} endpoints. */
final class ImageApi {
    private final ImageStore images;
    private final Containers containers;
    private final EventBus events;
    private final DiskUsage usage;
    private final ObjectMapper json = DockerJson.mapper();

    ImageApi(ImageStore images, Containers containers, EventBus events, DiskUsage usage) {
        this.usage = usage;
        this.images = images;
        this.containers = containers;
        this.events = events;
    }

    void register(Router router) {
        router.add("GET", "/images/json", this::list)
                .add("GET", "/images/get", this::saveMany)
                .add("GET", "/images/{name:.+}/json", this::inspect)
                .add("GET", "/images/{name:.+}/history", this::history)
                .add("GET", "/images/{name:.+}/get", this::saveOne)
                .add("POST", "/images/{name:.+}/tag", this::tag)
                .add("DELETE", "/images/{name:.+}", this::remove)
                .add("POST", "/images/prune", this::prune)
                .addUpload("POST", "/images/load", this::load)
                .addUpload("POST", "/images/create", this::create);
    }

    private void list(Exchange x) {
        // every stored image stands alone (no intermediate images), so all=true changes nothing
        ImageFilter filter = ImageFilter.of(FilterQuery.parse(x.query("filters")));
        ArrayNode out = json.createArrayNode();
        for (Image image : images.list(filter)) {
            out.add(summary(image));
        }
        x.json(200, out);
    }

    /** An image as {@code /images/json} lists it (SharedSize and Containers not computed: -1, as Docker does there). */
    static ObjectNode summary(Image image) {
        ObjectMapper json = DockerJson.mapper();
        ObjectNode n = json.createObjectNode();
        n.put("Id", image.id());
        n.put("ParentId", "");
        n.set("RepoTags", json.valueToTree(image.repoTags()));
        n.putArray("RepoDigests");
        n.put("Created", image.created() == null ? 0 : image.created().getEpochSecond());
        n.put("Size", image.size());
        n.put("SharedSize", -1);
        n.put("VirtualSize", image.size());
        n.set("Labels", json.valueToTree(image.config().labels() == null ? Map.of() : image.config().labels()));
        n.put("Containers", -1);
        return n;
    }

    private void inspect(Exchange x) {
        Image image = images.get(x.param("name"));
        ObjectNode n = json.createObjectNode();
        n.put("Id", image.id());
        n.set("RepoTags", json.valueToTree(image.repoTags()));
        n.putArray("RepoDigests");
        n.put("Parent", "");
        n.put("Comment", image.comment() == null ? "" : image.comment());
        n.put("Created", image.created() == null ? "0001-01-01T00:00:00Z" : image.created().toString());
        n.put("DockerVersion", "");
        n.put("Author", image.author() == null ? "" : image.author());
        n.set("Config", json.valueToTree(image.config()));
        n.put("Architecture", image.architecture());
        n.put("Os", image.os());
        n.put("Size", image.size());
        n.put("VirtualSize", image.size());
        ObjectNode driver = n.putObject("GraphDriver");
        driver.putObject("Data");
        driver.put("Name", "overlay2");
        ObjectNode rootfs = n.putObject("RootFS");
        rootfs.put("Type", "layers");
        rootfs.set("Layers", json.valueToTree(image.diffIds()));
        n.putObject("Metadata").put("LastTagTime", "0001-01-01T00:00:00Z");
        x.json(200, n);
    }

    private void history(Exchange x) {
        ArrayNode out = json.createArrayNode();
        for (HistoryItem item : images.history(x.param("name"))) {
            ObjectNode n = out.addObject();
            n.put("Id", item.id());
            n.put("Created", item.created() == null ? 0 : item.created().getEpochSecond());
            n.put("CreatedBy", item.createdBy() == null ? "" : item.createdBy());
            n.set("Tags", item.tags() == null || item.tags().isEmpty() ? null : json.valueToTree(item.tags()));
            n.put("Size", item.size());
            n.put("Comment", item.comment() == null ? "" : item.comment());
        }
        x.json(200, out);
    }

    private void tag(Exchange x) {
        String repo = x.query("repo");
        if (repo == null || repo.isEmpty()) {
            throw ApiException.badRequest("repository name must have at least one component");
        }
        String tag = x.query("tag");
        String target = tag == null || tag.isEmpty() ? repo : repo + ":" + tag;
        Image image = images.tag(x.param("name"), target);
        events.publish("image", "tag", image.id(), Map.of("name", target));
        x.status(201);
    }

    private void remove(Exchange x) {
        List<ImageDeletion> deleted = images.remove(x.param("name"), x.queryBool("force", false),
                containers::imageInUse);
        ArrayNode out = json.createArrayNode();
        for (ImageDeletion d : deleted) {
            ObjectNode n = out.addObject();
            if (d.untagged() != null) {
                n.put("Untagged", d.untagged());
                events.publish("image", "untag", d.untagged(), Map.of("name", d.untagged()));
            } else {
                n.put("Deleted", d.deleted());
                events.publish("image", "delete", d.deleted(), Map.of("name", d.deleted()));
            }
        }
        x.json(200, out);
    }

    private void prune(Exchange x) {
        boolean danglingOnly = !x.query("filters", "").contains("\"dangling\":[\"false\"]")
                && !x.query("filters", "").contains("\"dangling\":{\"false\":true}");
        List<Map<String, String>> deleted = new ArrayList<>();
        Map<String, Long> layersBefore = usage.layers();
        for (Image image : images.list()) {
            if ((danglingOnly && !image.repoTags().isEmpty()) || containers.imageInUse(image.id())) {
                continue;
            }
            for (String ref : image.repoTags().isEmpty() ? List.of(image.id()) : image.repoTags()) {
                for (ImageDeletion d : images.remove(ref, false, containers::imageInUse)) {
                    deleted.add(d.untagged() != null ? Map.of("Untagged", d.untagged()) : Map.of("Deleted", d.deleted()));
                }
            }
        }
        // Docker counts the layers that went, not the images' sizes: a shared layer may stay
        long reclaimed = usage.freedSince(layersBefore);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ImagesDeleted", deleted.isEmpty() ? null : deleted);
        out.put("SpaceReclaimed", reclaimed);
        x.json(200, out);
    }

    private void saveOne(Exchange x) throws IOException {
        save(x, List.of(x.param("name")));
    }

    private void saveMany(Exchange x) throws IOException {
        List<String> names = x.queryAll("names");
        if (names.isEmpty()) {
            throw ApiException.badRequest("no images given to save");
        }
        save(x, names);
    }

    private void save(Exchange x, List<String> names) throws IOException {
        for (String name : names) {
            images.get(name);
        }
        try (Exchange.ResponseStream out = x.stream(200, "application/x-tar")) {
            images.save(names, new OutputStream() {
                @Override
                public void write(int b) {
                    out.write(new byte[] {(byte) b});
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    out.write(b, off, len);
                }
            });
        }
    }

    /** {@code docker load}: progress and result lines as JSON messages, like Docker's. */
    private void load(Exchange x) throws IOException {
        LoadResult result;
        try (InputStream in = x.bodyStream()) {
            result = images.load(in);
        } catch (dev.purser.engine.image.InvalidArchiveException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        for (Image image : result.images()) {
            events.publish("image", "load", image.id(), Map.of("name", image.repoTags().isEmpty()
                    ? image.id() : image.repoTags().get(0)));
        }
        try (Exchange.ResponseStream out = x.stream(200, "application/json")) {
            for (String message : result.messages()) {
                out.write(json.writeValueAsString(Map.of("stream", message + "\n")) + "\n");
            }
        }
    }

    /** {@code docker import}: {@code fromSrc=-} with the rootfs tar as the body. */
    private void create(Exchange x) throws IOException {
        String fromSrc = x.query("fromSrc");
        if (fromSrc == null) {
            String from = x.query("fromImage");
            throw new ApiException(404, "pull access denied for " + from
                    + ", repository does not exist or may require 'docker login': purser has no registry access yet");
        }
        if (!fromSrc.equals("-")) {
            throw ApiException.badRequest("importing from a URL is not supported; send the tar as the request body");
        }
        String repo = x.query("repo");
        String tag = x.query("tag");
        String reference = repo == null || repo.isEmpty() ? null : (tag == null || tag.isEmpty() ? repo : repo + ":" + tag);
        Image image;
        try (InputStream in = x.bodyStream()) {
            image = images.importRootfs(in, reference, x.queryAll("changes"), x.query("message", ""));
        } catch (dev.purser.engine.image.InvalidArchiveException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        events.publish("image", "import", image.id(), Map.of("name", reference == null ? image.id() : reference));
        try (Exchange.ResponseStream out = x.stream(200, "application/json")) {
            out.write(json.writeValueAsString(Map.of("status", image.id())) + "\n");
        }
    }
}

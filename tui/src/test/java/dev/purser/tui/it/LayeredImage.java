package dev.purser.tui.it;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.purser.engine.testing.BusyboxImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * A {@code docker save} archive (its legacy layout: manifest.json, a config, a tar per layer)
 * of an image with many layers: the host's busybox, then one small layer per step, each made by
 * {@code RUN step NN} as its history says. For views that must scroll through layers.
 */
final class LayeredImage {
    private static final ObjectMapper JSON = new ObjectMapper();

    private LayeredImage() {}

    /** The archive of image {@code tag}: busybox and {@code steps} layers over it, running {@code sleep 600}. */
    static byte[] save(String tag, int steps) {
        List<byte[]> layers = new ArrayList<>();
        layers.add(BusyboxImage.rootfsTar());
        for (int i = 1; i <= steps; i++) layers.add(tar(List.of(new Entry("steps/", new byte[0]), new Entry(String.format("steps/%02d", i), ("step " + i + "\n").getBytes(StandardCharsets.US_ASCII)))));
        ObjectNode config = JSON.createObjectNode();
        config.put("architecture", "amd64").put("os", "linux").put("created", "2026-01-02T03:04:05Z");
        config.putObject("config").putArray("Cmd").add("sleep").add("600");
        ArrayNode history = config.putArray("history");
        ArrayNode diffIds = config.putObject("rootfs").put("type", "layers").putArray("diff_ids");
        for (int i = 0; i < layers.size(); i++) {
            diffIds.add("sha256:" + sha256(layers.get(i)));
            history.addObject().put("created", "2026-01-02T03:04:05Z").put("created_by", i == 0 ? "ADD busybox /" : String.format("RUN step %02d", i));
        }
        byte[] configBytes = config.toString().getBytes(StandardCharsets.UTF_8);
        String configName = sha256(configBytes) + ".json";
        List<Entry> entries = new ArrayList<>();
        entries.add(new Entry(configName, configBytes));
        ArrayNode manifest = JSON.createArrayNode();
        ObjectNode item = manifest.addObject();
        item.put("Config", configName);
        item.putArray("RepoTags").add(tag);
        ArrayNode names = item.putArray("Layers");
        for (byte[] layer : layers) {
            String name = sha256(layer) + "/layer.tar";
            entries.add(new Entry(name, layer));
            names.add(name);
        }
        entries.add(new Entry("manifest.json", manifest.toString().getBytes(StandardCharsets.UTF_8)));
        return tar(entries);
    }

    private record Entry(String name, byte[] content) {}

    private static byte[] tar(List<Entry> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (Entry e : entries) {
                TarArchiveEntry entry = new TarArchiveEntry(e.name());
                boolean dir = e.name().endsWith("/");
                entry.setSize(e.content().length);
                entry.setMode(dir ? 040755 : 0100644);
                tar.putArchiveEntry(entry);
                tar.write(e.content());
                tar.closeArchiveEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

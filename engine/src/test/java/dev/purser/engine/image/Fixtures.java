package dev.purser.engine.image;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/** Builds test tarballs in memory: layers, rootfs images, docker save archives. */
final class Fixtures {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes);

    Fixtures() {
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
    }

    static Fixtures tar() {
        return new Fixtures();
    }

    Fixtures dir(String name) throws IOException {
        TarArchiveEntry e = new TarArchiveEntry(name.endsWith("/") ? name : name + "/");
        e.setMode(040755);
        tar.putArchiveEntry(e);
        tar.closeArchiveEntry();
        return this;
    }

    Fixtures file(String name, String content) throws IOException {
        return file(name, content.getBytes(StandardCharsets.UTF_8), 0644);
    }

    Fixtures file(String name, byte[] content, int mode) throws IOException {
        TarArchiveEntry e = new TarArchiveEntry(name, true);
        e.setSize(content.length);
        e.setMode(0100000 | mode);
        tar.putArchiveEntry(e);
        tar.write(content);
        tar.closeArchiveEntry();
        return this;
    }

    Fixtures symlink(String name, String target) throws IOException {
        TarArchiveEntry e = new TarArchiveEntry(name, TarArchiveEntry.LF_SYMLINK, true);
        e.setLinkName(target);
        tar.putArchiveEntry(e);
        tar.closeArchiveEntry();
        return this;
    }

    Fixtures hardlink(String name, String target) throws IOException {
        TarArchiveEntry e = new TarArchiveEntry(name, TarArchiveEntry.LF_LINK, true);
        e.setLinkName(target);
        tar.putArchiveEntry(e);
        tar.closeArchiveEntry();
        return this;
    }

    Fixtures entry(TarArchiveEntry e) throws IOException {
        tar.putArchiveEntry(e);
        tar.closeArchiveEntry();
        return this;
    }

    byte[] bytes() throws IOException {
        tar.finish();
        tar.close();
        return bytes.toByteArray();
    }

    static byte[] gzip(byte[] plain) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(plain);
        }
        return out.toByteArray();
    }

    /** A busybox root filesystem from the host's static busybox. */
    static byte[] busyboxRootfs() throws IOException {
        return tar().dir("bin").file("bin/busybox", Files.readAllBytes(Path.of("/bin/busybox")), 0755)
                .symlink("bin/sh", "busybox").symlink("bin/ls", "busybox").symlink("bin/cat", "busybox")
                .dir("etc").file("etc/passwd", "root:x:0:0:root:/root:/bin/sh\n")
                .dir("tmp").bytes();
    }

    static byte[] layerOne() throws IOException {
        return tar().dir("etc").file("etc/hosts", "127.0.0.1 localhost\n").file("etc/doomed", "gone soon\n")
                .dir("data").file("data/old", "old\n").bytes();
    }

    /** Whites out etc/doomed and makes data/ opaque, adding data/new. */
    static byte[] layerTwo() throws IOException {
        return tar().dir("etc").file("etc/.wh.doomed", "").dir("data").file("data/.wh..wh..opq", "")
                .file("data/new", "new\n").bytes();
    }

    static byte[] config(List<byte[]> layers, String cmd) {
        ObjectNode doc = ImageJson.MAPPER.createObjectNode();
        doc.put("architecture", "amd64");
        doc.put("created", "2024-01-02T03:04:05.123456789Z");
        doc.put("os", "linux");
        doc.putObject("config").putArray("Cmd").add(cmd);
        ArrayNode history = doc.putArray("history");
        ArrayNode ids = doc.putObject("rootfs").put("type", "layers").putArray("diff_ids");
        int n = 0;
        for (byte[] layer : layers) {
            ids.add(Digest.of(layer).toString());
            history.addObject().put("created", "2024-01-02T03:04:0" + n + "Z").put("created_by", "ADD layer" + (n++));
        }
        history.addObject().put("created", "2024-01-02T03:04:09Z").put("created_by", "CMD [\"" + cmd + "\"]").put("empty_layer", true);
        return ImageJson.MAPPER.valueToTree(doc).toString().getBytes(StandardCharsets.UTF_8);
    }

    /** docker save, legacy form (pre-25): config and layers at their own paths, manifest.json. */
    static byte[] legacySave(byte[] config, List<byte[]> layers, String tag) throws IOException {
        Fixtures t = tar();
        ArrayNode manifest = ImageJson.MAPPER.createArrayNode();
        ObjectNode item = manifest.addObject();
        String configName = Digest.of(config).hex() + ".json";
        t.file(configName, config, 0644);
        item.put("Config", configName);
        item.putArray("RepoTags").add(tag);
        ArrayNode ls = item.putArray("Layers");
        int n = 0;
        for (byte[] layer : layers) {
            String name = "layer" + (n++) + "/layer.tar";
            t.dir("layer" + (n - 1));
            t.file(name, layer, 0644);
            ls.add(name);
        }
        t.file("manifest.json", manifest.toString());
        return t.bytes();
    }

    /** An OCI image layout with no manifest.json, layers as given (maybe gzip). */
    static byte[] ociLayout(byte[] config, List<byte[]> layerBlobs, String fullName) throws IOException {
        Fixtures t = tar();
        t.file("oci-layout", "{\"imageLayoutVersion\":\"1.0.0\"}");
        ObjectNode manifest = ImageJson.MAPPER.createObjectNode();
        manifest.put("schemaVersion", 2).put("mediaType", "application/vnd.oci.image.manifest.v1+json");
        manifest.putObject("config").put("mediaType", "application/vnd.oci.image.config.v1+json")
                .put("digest", Digest.of(config).toString()).put("size", config.length);
        ArrayNode ls = manifest.putArray("layers");
        List<byte[]> blobs = new ArrayList<>(layerBlobs);
        blobs.add(config);
        for (byte[] layer : layerBlobs) {
            ls.addObject().put("mediaType", "application/vnd.oci.image.layer.v1.tar+gzip")
                    .put("digest", Digest.of(layer).toString()).put("size", layer.length);
        }
        byte[] manifestBytes = manifest.toString().getBytes(StandardCharsets.UTF_8);
        blobs.add(manifestBytes);
        for (byte[] b : blobs) {
            t.file("blobs/sha256/" + Digest.of(b).hex(), b, 0644);
        }
        ObjectNode index = ImageJson.MAPPER.createObjectNode();
        index.put("schemaVersion", 2);
        ObjectNode d = index.putArray("manifests").addObject();
        d.put("mediaType", "application/vnd.oci.image.manifest.v1+json")
                .put("digest", Digest.of(manifestBytes).toString()).put("size", manifestBytes.length);
        d.putObject("annotations").put("io.containerd.image.name", fullName).put("org.opencontainers.image.ref.name", "latest");
        t.file("index.json", index.toString());
        return t.bytes();
    }

    /** Every file under a directory, relative, for "store unchanged" checks. */
    static List<String> tree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return List.of();
        }
        try (var walk = Files.walk(dir)) {
            return walk.map(p -> dir.relativize(p).toString())
                    .filter(p -> !p.startsWith("tmp"))
                    .sorted().toList();
        }
    }
}

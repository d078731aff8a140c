package dev.purser.engine.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.purser.engine.store.StateRoot;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageStoreTest {
    @TempDir
    Path dir;
    StateRoot root;
    ImageStore store;

    @BeforeEach
    void setUp() {
        root = new StateRoot(dir.resolve("state"));
        store = new ImageStore(root);
    }

    private Image importBusybox(String ref, String... changes) throws Exception {
        return store.importRootfs(new ByteArrayInputStream(Fixtures.busyboxRootfs()), ref, List.of(changes), null);
    }

    private static ByteArrayInputStream in(byte[] b) {
        return new ByteArrayInputStream(b);
    }

    private LoadResult loadTwoLayer(String tag) throws Exception {
        byte[] l1 = Fixtures.layerOne();
        byte[] l2 = Fixtures.layerTwo();
        return store.load(in(Fixtures.legacySave(Fixtures.config(List.of(l1, l2), "sh"), List.of(l1, l2), tag)));
    }

    @Test
    void importedBusyboxHasIdOfItsConfigAndUnpackedFiles() throws Exception {
        Image image = importBusybox("busybox");
        assertThat(image.id()).matches("sha256:[0-9a-f]{64}");
        assertThat(Digest.of(Files.readAllBytes(root.blobs().resolve(Digest.parse(image.id()).hex()))).toString()).isEqualTo(image.id());
        Path diff = store.layerDirectories(image).get(0);
        assertThat(diff.resolve("bin/busybox")).isExecutable();
        assertThat(Files.readSymbolicLink(diff.resolve("bin/sh"))).isEqualTo(Path.of("busybox"));
        assertThat(image.size()).isGreaterThan(Files.size(Path.of("/bin/busybox")));
        assertThat(image.repoTags()).containsExactly("busybox:latest");
    }

    @Test
    void importAppliesChanges() throws Exception {
        Image image = importBusybox("busybox", "CMD sh", "ENV PATH=/bin");
        assertThat(image.config().cmd()).containsExactly("/bin/sh", "-c", "sh");
        assertThat(image.config().env()).containsExactly("PATH=/bin");
    }

    @Test
    void importOfGzipRootfsGivesSameDiffIdAsPlain() throws Exception {
        byte[] plain = Fixtures.busyboxRootfs();
        Image gz = store.importRootfs(in(Fixtures.gzip(plain)), "gz", List.of(), null);
        assertThat(gz.diffIds()).containsExactly(Digest.of(plain).toString());
    }

    @Test
    void importKeepsSetuidBitAndOwner() throws Exception {
        byte[] tar = Fixtures.tar().file("su", new byte[] {1}, 04755).bytes();
        Image image = store.importRootfs(in(tar), "su", List.of(), null);
        Path su = store.layerDirectories(image).get(0).resolve("su");
        assertThat((int) Files.getAttribute(su, "unix:mode") & 07777).isEqualTo(04755);
    }

    @Test
    void importRefusesUnknownChangeBeforeTouchingTheStore() {
        assertThatThrownBy(() -> importBusybox("x", "COPY a b")).isInstanceOf(IllegalArgumentException.class);
        assertThat(store.list()).isEmpty();
    }

    @Test
    void findNormalizesReferencesLikeDocker() throws Exception {
        Image image = importBusybox("busybox:latest");
        assertThat(store.find("busybox")).contains(image);
        assertThat(store.find("docker.io/library/busybox:latest")).contains(image);
        assertThat(store.find("library/busybox")).contains(image);
        assertThat(store.find("busybox:other")).isEmpty();
    }

    @Test
    void findAcceptsFullIdShaIdAndUniquePrefix() throws Exception {
        Image image = importBusybox("busybox");
        String hex = Digest.parse(image.id()).hex();
        assertThat(store.find(image.id())).contains(image);
        assertThat(store.find(hex)).contains(image);
        assertThat(store.find(hex.substring(0, 1))).contains(image);
        assertThat(store.find("sha256:" + hex.substring(0, 5))).contains(image);
    }

    @Test
    void loadOfLegacySaveTagsImageAndReportsIt() throws Exception {
        LoadResult result = loadTwoLayer("two:layers");
        assertThat(result.messages()).containsExactly("Loaded image: two:layers");
        assertThat(store.find("two:layers")).isPresent();
    }

    @Test
    void twoLayerImageHasTopLayerFirstWithWhiteoutAndOpaqueDir() throws Exception {
        Image image = loadTwoLayer("two:layers").images().get(0);
        List<Path> dirs = store.layerDirectories(image);
        assertThat(dirs).hasSize(2);
        Path top = dirs.get(0);
        assertThat(top.getParent().getFileName().toString()).isEqualTo(image.chainIds().get(1).hex());
        Path whiteout = top.resolve("etc/doomed");
        assertThat((int) Files.getAttribute(whiteout, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 0170000).isEqualTo(0020000);
        assertThat((long) Files.getAttribute(whiteout, "unix:rdev", LinkOption.NOFOLLOW_LINKS)).isZero();
        assertThat(top.resolve("data/.wh..wh..opq")).doesNotExist();
        assertThat(FileSystemCalls.getXattr(top.resolve("data"), "trusted.overlay.opaque")).isEqualTo("y");
        assertThat(FileSystemCalls.getXattr(top.resolve("etc"), "trusted.overlay.opaque")).isNull();
    }

    @Test
    void chainIdsFollowOciSpec() throws Exception {
        Image image = loadTwoLayer("two:layers").images().get(0);
        Digest d0 = Digest.parse(image.diffIds().get(0));
        Digest d1 = Digest.parse(image.diffIds().get(1));
        assertThat(image.chainIds()).containsExactly(d0, Digest.of((d0 + " " + d1).getBytes()));
    }

    @Test
    void loadOfOciLayoutWithGzipLayers() throws Exception {
        byte[] l1 = Fixtures.layerOne();
        byte[] config = Fixtures.config(List.of(l1), "sh");
        LoadResult result = store.load(in(Fixtures.ociLayout(config, List.of(Fixtures.gzip(l1)), "docker.io/library/oci:1")));
        assertThat(result.messages()).containsExactly("Loaded image: oci:1");
        assertThat(result.images().get(0).id()).isEqualTo(Digest.of(config).toString());
    }

    @Test
    void loadOfGzippedTarballReportsProgress() throws Exception {
        byte[] l1 = Fixtures.layerOne();
        byte[] tarball = Fixtures.gzip(Fixtures.legacySave(Fixtures.config(List.of(l1), "sh"), List.of(l1), "gz:1"));
        AtomicLong seen = new AtomicLong();
        store.load(in(tarball), seen::set);
        assertThat(seen.get()).isEqualTo(tarball.length);
        assertThat(store.find("gz:1")).isPresent();
    }

    @Test
    void loadWithoutTagsReportsImageId() throws Exception {
        byte[] l1 = Fixtures.layerOne();
        byte[] config = Fixtures.config(List.of(l1), "sh");
        byte[] tarball = Fixtures.ociLayout(config, List.of(l1), "docker.io/library/x:1");
        String noName = new String(tarball, java.nio.charset.StandardCharsets.ISO_8859_1)
                .replace("io.containerd.image.name", "io.containerd.image.nomo");
        LoadResult result = store.load(in(noName.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)));
        assertThat(result.messages()).containsExactly("Loaded image ID: " + Digest.of(config));
    }

    @Test
    void loadRefusesLayerWhoseDigestIsNotTheDiffId() throws Exception {
        byte[] l1 = Fixtures.layerOne();
        byte[] other = Fixtures.tar().file("x", "tampered").bytes();
        Files.createDirectories(root.root());
        List<String> before = Fixtures.tree(root.root());
        assertThatThrownBy(() -> store.load(in(Fixtures.legacySave(Fixtures.config(List.of(l1), "sh"), List.of(other), "bad:1"))))
                .isInstanceOf(InvalidArchiveException.class).hasMessageContaining("layer digest mismatch");
        assertThat(Fixtures.tree(root.root())).isEqualTo(before);
        assertThat(store.list()).isEmpty();
    }

    @Test
    void loadRefusesLayerWithParentTraversal() throws Exception {
        byte[] evil = Fixtures.tar().file("../escape", "x").bytes();
        assertThatThrownBy(() -> store.load(in(Fixtures.legacySave(Fixtures.config(List.of(evil), "sh"), List.of(evil), "evil:1"))))
                .isInstanceOf(InvalidArchiveException.class).hasMessageContaining("\"../escape\"");
        assertThat(Fixtures.tree(root.layers())).isEmpty();
        assertThat(Fixtures.tree(root.blobs())).isEmpty();
        assertThat(Files.exists(root.imagesIndex())).isFalse();
    }

    @Test
    void loadRefusesArchiveWithoutManifest() throws Exception {
        assertThatThrownBy(() -> store.load(in(Fixtures.tar().file("hello", "x").bytes())))
                .isInstanceOf(InvalidArchiveException.class).hasMessageContaining("neither manifest.json nor index.json");
    }

    @Test
    void loadRefusesTruncatedTarball() throws Exception {
        byte[] l1 = Fixtures.layerOne();
        byte[] tarball = Fixtures.legacySave(Fixtures.config(List.of(l1), "sh"), List.of(l1), "t:1");
        assertThatThrownBy(() -> store.load(in(java.util.Arrays.copyOf(tarball, tarball.length / 2))))
                .isInstanceOf(InvalidArchiveException.class);
        assertThat(store.list()).isEmpty();
        assertThat(Fixtures.tree(root.tmp())).containsExactly("");
    }

    @Test
    void saveThenLoadIntoFreshStoreKeepsIdAndTags() throws Exception {
        Image image = loadTwoLayer("two:layers").images().get(0);
        store.tag("two:layers", "two:again");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        store.save(List.of("two"), out);
        ImageStore fresh = new ImageStore(new StateRoot(dir.resolve("fresh")));
        LoadResult result = fresh.load(in(out.toByteArray()));
        assertThat(result.images()).extracting(Image::id).containsExactly(image.id());
        assertThat(fresh.get("two:layers").repoTags()).containsExactlyInAnyOrder("two:layers", "two:again");
    }

    @Test
    void gzipBombLayerIsKeptUnpackedAndCompressedButNotDecompressed() throws Exception {
        // 32 MB of zeros gzip to about 32 KB: the store must not hold the 32 MB tar besides the tree
        byte[] bomb = Fixtures.tar().file("zeros", new byte[32 << 20], 0644).bytes();
        byte[] config = Fixtures.config(List.of(bomb), "sh");
        store.load(in(Fixtures.ociLayout(config, List.of(Fixtures.gzip(bomb)), "docker.io/library/bomb:1")));
        long blobBytes;
        try (var files = Files.walk(root.blobs())) {
            blobBytes = files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
        assertThat(blobBytes).isLessThan(1 << 20);
        assertThat(store.get("bomb:1").diffIds()).hasSize(1);
    }

    @Test
    void aLayersDiskCountsItsUnpackedTreeAndTheTarKeptForSave() throws Exception {
        // what system df and the dashboard's layers view show is what the layer takes on disk
        byte[] bomb = Fixtures.tar().file("zeros", new byte[4 << 20], 0644).bytes();
        byte[] config = Fixtures.config(List.of(bomb), "sh");
        Image image = store.load(in(Fixtures.ociLayout(config, List.of(Fixtures.gzip(bomb)), "docker.io/library/bomb:2"))).images().get(0);
        long kept;
        try (var files = Files.walk(root.blobs())) {
            kept = files.filter(f -> f.getFileName().toString().endsWith(".tar.gz")).mapToLong(f -> f.toFile().length()).sum();
        }
        assertThat(kept).isPositive();
        assertThat(store.layerDiskSizes(image).values()).containsExactly(store.layerSizes(image).values().iterator().next() + kept);
        assertThat(store.layerSizes(image).values().iterator().next()).isGreaterThanOrEqualTo(4 << 20);
    }

    @Test
    void savedLayerOfACompressedLoadIsTheTarItsDiffIdNames() throws Exception {
        byte[] l1 = Fixtures.layerOne();
        byte[] config = Fixtures.config(List.of(l1), "sh");
        Image image = store.load(in(Fixtures.ociLayout(config, List.of(Fixtures.gzip(l1)), "docker.io/library/oci:1"))).images().get(0);
        String diffId = image.diffIds().get(0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        store.save(List.of("oci:1"), out);
        byte[] saved = null;
        try (var tar = new org.apache.commons.compress.archivers.tar.TarArchiveInputStream(in(out.toByteArray()))) {
            for (var e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                if (e.getName().equals("blobs/sha256/" + Digest.parse(diffId).hex())) {
                    saved = tar.readAllBytes();
                }
            }
        }
        assertThat(saved).isEqualTo(l1);
        assertThat(Digest.of(saved).toString()).isEqualTo(diffId);
    }

    @Test
    void savedTarballHasBothLegacyAndOciFiles() throws Exception {
        importBusybox("busybox");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        store.save(List.of("busybox"), out);
        List<String> names = new ArrayList<>();
        try (var tar = new org.apache.commons.compress.archivers.tar.TarArchiveInputStream(in(out.toByteArray()))) {
            for (var e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                names.add(e.getName());
            }
        }
        assertThat(names).contains("manifest.json", "repositories", "index.json", "oci-layout");
    }

    @Test
    void savedOciLayoutAloneLoads() throws Exception {
        Image image = importBusybox("busybox");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        store.save(List.of("busybox"), out);
        // Drop manifest.json so only the OCI layout remains.
        Fixtures copy = Fixtures.tar();
        try (var tar = new org.apache.commons.compress.archivers.tar.TarArchiveInputStream(in(out.toByteArray()))) {
            for (var e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                if (e.isFile() && !e.getName().equals("manifest.json")) {
                    copy.file(e.getName(), tar.readAllBytes(), 0644);
                }
            }
        }
        ImageStore fresh = new ImageStore(new StateRoot(dir.resolve("fresh")));
        assertThat(fresh.load(in(copy.bytes())).images().get(0).id()).isEqualTo(image.id());
        assertThat(fresh.find("busybox")).isPresent();
    }

    @Test
    void tagRefusesInvalidReference() throws Exception {
        importBusybox("busybox");
        assertThatThrownBy(() -> store.tag("busybox", "Bad/Name")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be lowercase");
    }

    @Test
    void tagOfMissingImageIsNoSuchImage() {
        assertThatThrownBy(() -> store.tag("nothing", "x")).isInstanceOf(NoSuchImageException.class)
                .hasMessage("No such image: nothing");
    }

    @Test
    void removingOneOfTwoTagsOnlyUntags() throws Exception {
        importBusybox("busybox");
        store.tag("busybox", "mine:1");
        assertThat(store.remove("mine:1", false, id -> false)).extracting(Object::toString).containsExactly("Untagged: mine:1");
        assertThat(store.get("busybox").repoTags()).containsExactly("busybox:latest");
    }

    @Test
    void removingLastTagDeletesImageAndLayers() throws Exception {
        Image image = importBusybox("busybox");
        List<ImageDeletion> result = store.remove("busybox", false, id -> false);
        assertThat(result).extracting(Object::toString).containsExactly(
                "Untagged: busybox:latest", "Deleted: " + image.id(), "Deleted: " + image.chainIds().get(0));
        assertThat(store.list()).isEmpty();
        assertThat(Fixtures.tree(root.layers())).containsExactly("");
        assertThat(Fixtures.tree(root.blobs())).containsExactly("");
    }

    @Test
    void removingImageKeepsLayersAnotherImageUses() throws Exception {
        byte[] l1 = Fixtures.layerOne();
        byte[] l2 = Fixtures.layerTwo();
        store.load(in(Fixtures.legacySave(Fixtures.config(List.of(l1), "one"), List.of(l1), "one:1")));
        Image two = store.load(in(Fixtures.legacySave(Fixtures.config(List.of(l1, l2), "two"), List.of(l1, l2), "two:1"))).images().get(0);
        List<ImageDeletion> result = store.remove("two:1", false, id -> false);
        assertThat(result).extracting(Object::toString).containsExactly(
                "Untagged: two:1", "Deleted: " + two.id(), "Deleted: " + two.chainIds().get(1));
        assertThat(store.layerDirectories(store.get("one:1")).get(0)).isDirectory();
    }

    @Test
    void removingImageUsedByContainerIsAConflict() throws Exception {
        Image image = importBusybox("busybox");
        assertThatThrownBy(() -> store.remove("busybox", false, id -> id.equals(image.id())))
                .isInstanceOf(ImageConflictException.class)
                .hasMessageContaining("conflict: unable to remove repository reference \"busybox\" (must force)");
        assertThatThrownBy(() -> store.remove(image.shortId(), false, id -> true))
                .isInstanceOf(ImageConflictException.class).hasMessageContaining("(must be forced)");
        assertThat(store.find("busybox")).isPresent();
    }

    @Test
    void forcedRemovalOfUsedImageUntagsButKeepsLayers() throws Exception {
        Image image = importBusybox("busybox");
        assertThat(store.remove("busybox", true, id -> true)).extracting(Object::toString).containsExactly("Untagged: busybox:latest");
        assertThat(store.find(image.id())).isPresent();
        assertThat(store.layerDirectories(image).get(0)).isDirectory();
    }

    @Test
    void removingUnknownImageIsNoSuchImage() {
        assertThatThrownBy(() -> store.remove("ghost", false, id -> false)).isInstanceOf(NoSuchImageException.class)
                .hasMessage("No such image: ghost");
    }

    @Test
    void historyIsNewestFirstWithLayerSizes() throws Exception {
        Image image = loadTwoLayer("two:layers").images().get(0);
        List<HistoryItem> history = store.history("two:layers");
        assertThat(history).extracting(HistoryItem::createdBy).containsExactly("CMD [\"sh\"]", "ADD layer1", "ADD layer0");
        assertThat(history.get(0).id()).isEqualTo(image.id());
        assertThat(history.get(0).emptyLayer()).isTrue();
        assertThat(history.get(0).size()).isZero();
        assertThat(history.get(1).id()).isEqualTo("<missing>");
        assertThat(history.get(2).size()).isEqualTo("127.0.0.1 localhost\n".length() + "gone soon\n".length() + "old\n".length());
    }

    @Test
    void importHistorySaysImportedFrom() throws Exception {
        importBusybox("busybox");
        assertThat(store.history("busybox")).extracting(HistoryItem::comment).containsExactly("Imported from -");
    }

    @Test
    void storeReopensWithTheSameImages() throws Exception {
        Image image = importBusybox("busybox", "CMD sh");
        assertThat(new ImageStore(root).get("busybox")).isEqualTo(image);
    }

    @Test
    void configSerializesWithDockerFieldNamesAndNulls() throws Exception {
        String json = ImageJson.MAPPER.writeValueAsString(ImageConfig.EMPTY.withCmd(List.of("sh")));
        assertThat(json).contains("\"Cmd\":[\"sh\"]", "\"Entrypoint\":null", "\"WorkingDir\":null", "\"ExposedPorts\":null");
    }

    @Test
    void loadFollowsLayersThatDockerSaveWroteAsLinks() throws Exception {
        // docker save (before 25) writes a layer two images share once and symlinks the second copy
        byte[] layer = Fixtures.layerOne();
        byte[] first = Fixtures.config(List.of(layer), "sh");
        byte[] second = Fixtures.config(List.of(layer), "true");
        Fixtures t = Fixtures.tar();
        com.fasterxml.jackson.databind.node.ArrayNode manifest = ImageJson.MAPPER.createArrayNode();
        t.file(Digest.of(first).hex() + ".json", first, 0644);
        t.file(Digest.of(second).hex() + ".json", second, 0644);
        t.dir("a").file("a/layer.tar", layer, 0644);
        t.dir("b").symlink("b/layer.tar", "../a/layer.tar");
        var one = manifest.addObject().put("Config", Digest.of(first).hex() + ".json");
        one.putArray("RepoTags").add("first:1");
        one.putArray("Layers").add("a/layer.tar");
        var two = manifest.addObject().put("Config", Digest.of(second).hex() + ".json");
        two.putArray("RepoTags").add("second:1");
        two.putArray("Layers").add("b/layer.tar");
        t.file("manifest.json", manifest.toString());

        LoadResult result = store.load(in(t.bytes()));

        assertThat(result.messages()).containsExactly("Loaded image: first:1", "Loaded image: second:1");
        assertThat(store.find("second:1")).isPresent();
    }
}

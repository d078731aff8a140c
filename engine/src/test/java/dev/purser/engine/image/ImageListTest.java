package dev.purser.engine.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.purser.engine.store.StateRoot;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code docker images}: newest first, and Docker's filters. */
class ImageListTest {
    @TempDir
    Path dir;
    ImageStore store;

    @BeforeEach
    void setUp() {
        store = new ImageStore(new StateRoot(dir.resolve("state")));
    }

    private Image importImage(String ref, String... changes) throws Exception {
        return store.importRootfs(new ByteArrayInputStream(Fixtures.tar().file("f", new byte[] {1}, 0644).bytes()), ref, List.of(changes), null);
    }

    private List<String> ids(Map<String, List<String>> filters) {
        return store.list(ImageFilter.of(filters)).stream().map(Image::id).toList();
    }

    @Test
    void imagesAreListedNewestFirst() throws Exception {
        Image old = importImage("a");
        Image mid = importImage("b");
        Image young = importImage("c");
        assertThat(ids(Map.of())).containsExactly(young.id(), mid.id(), old.id());
    }

    @Test
    void danglingTrueListsOnlyUntaggedImages() throws Exception {
        Image untagged = importImage(null);
        importImage("tagged");
        assertThat(ids(Map.of("dangling", List.of("true")))).containsExactly(untagged.id());
    }

    @Test
    void danglingFalseListsOnlyTaggedImages() throws Exception {
        importImage(null);
        Image tagged = importImage("tagged");
        assertThat(ids(Map.of("dangling", List.of("false")))).containsExactly(tagged.id());
    }

    @Test
    void anImageWhoseTagMovedIsDangling() throws Exception {
        Image first = importImage("app");
        importImage("app");
        assertThat(ids(Map.of("dangling", List.of("true")))).containsExactly(first.id());
    }

    @Test
    void danglingOtherThanTrueOrFalseIsRefused() {
        assertThatThrownBy(() -> ImageFilter.of(Map.of("dangling", List.of("maybe"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("invalid filter 'dangling=maybe'");
    }

    @Test
    void aFilterImagesDoNotHaveIsRefused() {
        assertThatThrownBy(() -> ImageFilter.of(Map.of("status", List.of("running"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("invalid filter 'status'");
    }

    @Test
    void referenceMatchesTheNameWithoutItsTag() throws Exception {
        Image busybox = importImage("busybox:latest");
        store.tag("busybox:latest", "busybox:old");
        importImage("other");
        assertThat(store.list(ImageFilter.of(Map.of("reference", List.of("busybox")))))
                .singleElement().satisfies(i -> {
                    assertThat(i.id()).isEqualTo(busybox.id());
                    assertThat(i.repoTags()).containsExactlyInAnyOrder("busybox:latest", "busybox:old");
                });
    }

    @Test
    void referenceWithATagShowsOnlyTheTagsThatMatch() throws Exception {
        importImage("busybox:latest");
        store.tag("busybox:latest", "busybox:old");
        assertThat(store.list(ImageFilter.of(Map.of("reference", List.of("busybox:old")))))
                .singleElement().satisfies(i -> assertThat(i.repoTags()).containsExactly("busybox:old"));
    }

    @Test
    void referenceIsAGlobWhoseStarStopsAtASlash() throws Exception {
        Image app = importImage("team/app:1");
        Image bus = importImage("busybox");
        assertThat(ids(Map.of("reference", List.of("*/app")))).containsExactly(app.id());
        assertThat(ids(Map.of("reference", List.of("bus*")))).containsExactly(bus.id());
        assertThat(ids(Map.of("reference", List.of("*")))).containsExactly(bus.id());
    }

    @Test
    void referenceValuesAreAlternatives() throws Exception {
        Image a = importImage("a");
        Image b = importImage("b");
        importImage("c");
        assertThat(ids(Map.of("reference", List.of("a", "b")))).containsExactly(b.id(), a.id());
    }

    @Test
    void referenceNeverListsUntaggedImages() throws Exception {
        importImage(null);
        assertThat(ids(Map.of("reference", List.of("*")))).isEmpty();
    }

    @Test
    void aMalformedReferencePatternIsRefused() {
        assertThatThrownBy(() -> ImageFilter.of(Map.of("reference", List.of("bus[y"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("syntax error in pattern");
    }

    @Test
    void beforeListsImagesCreatedBeforeThatOne() throws Exception {
        Image old = importImage("old");
        importImage("mid");
        importImage("young");
        assertThat(ids(Map.of("before", List.of("mid")))).containsExactly(old.id());
    }

    @Test
    void sinceListsImagesCreatedAfterThatOne() throws Exception {
        importImage("old");
        importImage("mid");
        Image young = importImage("young");
        assertThat(ids(Map.of("since", List.of("mid")))).containsExactly(young.id());
    }

    @Test
    void beforeAnImageThatDoesNotExistIsNoSuchImage() {
        assertThatThrownBy(() -> store.list(ImageFilter.of(Map.of("before", List.of("nope")))))
                .isInstanceOf(NoSuchImageException.class).hasMessage("No such image: nope");
    }

    @Test
    void labelMatchesByKeyOrByKeyAndValue() throws Exception {
        Image web = importImage("web", "LABEL tier=front");
        Image db = importImage("db", "LABEL tier=back");
        importImage("plain");
        assertThat(ids(Map.of("label", List.of("tier")))).containsExactly(db.id(), web.id());
        assertThat(ids(Map.of("label", List.of("tier=front")))).containsExactly(web.id());
    }

    @Test
    void everyLabelFilterMustMatch() throws Exception {
        Image both = importImage("both", "LABEL a=1 b=2");
        importImage("one", "LABEL a=1");
        assertThat(ids(Map.of("label", List.of("a=1", "b")))).containsExactly(both.id());
    }
}

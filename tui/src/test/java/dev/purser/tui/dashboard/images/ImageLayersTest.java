package dev.purser.tui.dashboard.images;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImageLayersTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static JsonNode inspect(String id, String... layers) {
        StringBuilder b = new StringBuilder("{'Id':'" + id + "','RootFS':{'Layers':[");
        for (int i = 0; i < layers.length; i++) b.append(i == 0 ? "" : ",").append("'").append(layers[i]).append("'");
        return json(b.append("]}}").toString());
    }

    @Test
    void eachLayerHasItsSizeCommandAndHowManyImagesShareIt() {
        JsonNode app = inspect("app", "base", "code");
        JsonNode other = inspect("other", "base");
        List<JsonNode> history = List.of(
                json("{'CreatedBy':'COPY code','Size':300,'Created':2}"),
                json("{'CreatedBy':'ENV X=1','Size':0,'Created':1}"),
                json("{'CreatedBy':'ADD base','Size':1000,'Created':0}"));
        ImageLayers layers = ImageLayers.of(app, history, List.of(app, other));
        assertThat(layers.layers()).containsExactly(
                new Layer("code", 300, "COPY code", 2, 1),
                new Layer("", 0, "ENV X=1", 1, 0),
                new Layer("base", 1000, "ADD base", 0, 2));
        assertThat(layers.savedBySharing()).isEqualTo(1000);
    }

    @Test
    void aLayerOfNoBytesIsMatchedFromTheNewestEnd() {
        JsonNode image = inspect("img", "base", "empty");
        List<JsonNode> history = List.of(json("{'CreatedBy':'RUN true','Size':0}"), json("{'CreatedBy':'ADD base','Size':50}"));
        ImageLayers layers = ImageLayers.of(image, history, List.of(image));
        assertThat(layers.layers()).extracting(Layer::diffId).containsExactly("empty", "base");
        assertThat(layers.savedBySharing()).isZero();
    }
}

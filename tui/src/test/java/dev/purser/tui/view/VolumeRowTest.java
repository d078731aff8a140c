package dev.purser.tui.view;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VolumeRowTest {
    private static JsonNode json(String text) throws Exception {
        return dev.purser.tui.client.JsonTrees.read(text);
    }

    @Test
    void namesSortNaturallyAsDockersVolumeLs() {
        List<String> names = new ArrayList<>(List.of("vol10", "vol2", "data", "vol1", "Vol3"));
        names.sort(VolumeRow::naturalCompare);
        assertThat(names).containsExactly("Vol3", "data", "vol1", "vol2", "vol10");
    }

    @Test
    void digitsSortBeforeOtherCharacters() {
        List<String> names = new ArrayList<>(List.of("a-b", "a1", "a.b", "a_b"));
        names.sort(VolumeRow::naturalCompare);
        assertThat(names).containsExactly("a1", "a-b", "a.b", "a_b");
    }

    @Test
    void equalNumbersWithFewerLeadingZerosComeFirst() {
        List<String> names = new ArrayList<>(List.of("v007", "v7", "v07"));
        names.sort(VolumeRow::naturalCompare);
        assertThat(names).containsExactly("v7", "v07", "v007");
    }

    @Test
    void labelsAreSortedKeyValuePairs() throws Exception {
        JsonNode row = VolumeRow.of(json("{\"Name\":\"v\",\"Driver\":\"local\",\"Labels\":{\"z\":\"1\",\"a\":\"\"}}"));
        assertThat(row.path("Labels").asText()).isEqualTo("a=,z=1");
    }

    @Test
    void withoutUsageDataLinksAndSizeAreNotAvailable() throws Exception {
        JsonNode row = VolumeRow.of(json("{\"Name\":\"v\",\"Driver\":\"local\",\"UsageData\":null}"));
        assertThat(row.path("Links").asText()).isEqualTo("N/A");
        assertThat(row.path("Size").asText()).isEqualTo("N/A");
    }

    @Test
    void usageDataGivesLinksAndAHumanSize() throws Exception {
        JsonNode row = VolumeRow.of(json("{\"Name\":\"v\",\"Driver\":\"local\",\"UsageData\":{\"RefCount\":2,\"Size\":1234567}}"));
        assertThat(row.path("Links").asText()).isEqualTo("2");
        assertThat(row.path("Size").asText()).isEqualTo("1.235MB");
    }

    @Test
    void mountpointScopeAndDriverAreTheVolumes() throws Exception {
        JsonNode row = VolumeRow.of(json("{\"Name\":\"v\",\"Driver\":\"local\",\"Scope\":\"local\",\"Mountpoint\":\"/r/volumes/v/_data\"}"));
        assertThat(row.path("Mountpoint").asText()).isEqualTo("/r/volumes/v/_data");
        assertThat(row.path("Scope").asText()).isEqualTo("local");
        assertThat(row.path("Driver").asText()).isEqualTo("local");
    }
}

package dev.purser.tui.view;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docker's DisplayablePorts, JoinHostPort and natural order. */
class PortTextTest {
    private static String column(String json) throws Exception {
        return PortText.column(new ObjectMapper().readTree(json));
    }

    @Test
    void exposedPortsInARowAreOneRange() throws Exception {
        assertThat(column("[{\"PrivatePort\":90,\"Type\":\"tcp\"},{\"PrivatePort\":91,\"Type\":\"tcp\"},{\"PrivatePort\":93,\"Type\":\"tcp\"}]"))
                .isEqualTo("90-91/tcp, 93/tcp");
    }

    @Test
    void portsPublishedElsewhereComeAfterTheGroups() throws Exception {
        assertThat(column("[{\"IP\":\"0.0.0.0\",\"PrivatePort\":80,\"PublicPort\":8080,\"Type\":\"tcp\"},"
                + "{\"IP\":\"::\",\"PrivatePort\":80,\"PublicPort\":8080,\"Type\":\"tcp\"},{\"PrivatePort\":90,\"Type\":\"tcp\"}]"))
                .isEqualTo("90/tcp, 0.0.0.0:8080->80/tcp, [::]:8080->80/tcp");
    }

    @Test
    void naturalOrderComparesNumbersAsNumbers() {
        List<String> lines = new ArrayList<>(List.of("443/tcp -> 0.0.0.0:1", "80/tcp -> 0.0.0.0:1", "9000/udp -> [::]:2"));
        lines.sort(PortText::naturalOrder);
        assertThat(lines).containsExactly("80/tcp -> 0.0.0.0:1", "443/tcp -> 0.0.0.0:1", "9000/udp -> [::]:2");
    }
}

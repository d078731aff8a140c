package dev.purser.engine.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigChangesTest {
    private static ImageConfig apply(String... changes) {
        return ConfigChanges.apply(ImageConfig.EMPTY, List.of(changes));
    }

    @Test
    void shellFormCmdRunsThroughBinSh() {
        assertThat(apply("CMD echo hi there").cmd()).containsExactly("/bin/sh", "-c", "echo hi there");
    }

    @Test
    void jsonFormEntrypointIsTakenAsIs() {
        assertThat(apply("ENTRYPOINT [\"/bin/busybox\", \"sh\"]").entrypoint()).containsExactly("/bin/busybox", "sh");
    }

    @Test
    void envAcceptsKeyValuePairsWithQuotesAndLegacyForm() {
        assertThat(apply("ENV A=1 B=\"two words\"", "ENV C three four").env())
                .containsExactly("A=1", "B=two words", "C=three four");
    }

    @Test
    void laterEnvReplacesEarlierValue() {
        assertThat(apply("ENV A=1", "ENV A=2").env()).containsExactly("A=2");
    }

    @Test
    void exposeDefaultsToTcp() {
        assertThat(apply("EXPOSE 80 53/udp").exposedPorts()).containsOnlyKeys("80/tcp", "53/udp");
    }

    @Test
    void workdirUserStopsignalAndLabelsAreSet() {
        ImageConfig c = apply("WORKDIR /srv", "USER nobody", "STOPSIGNAL SIGINT", "LABEL a=b c=\"d e\"");
        assertThat(c.workingDir()).isEqualTo("/srv");
        assertThat(c.user()).isEqualTo("nobody");
        assertThat(c.stopSignal()).isEqualTo("SIGINT");
        assertThat(c.labels()).isEqualTo(Map.of("a", "b", "c", "d e"));
    }

    @Test
    void unsetFieldsStayNull() {
        ImageConfig c = apply("USER nobody");
        assertThat(c.cmd()).isNull();
        assertThat(c.env()).isNull();
    }

    @Test
    void instructionThatDoesNotChangeConfigIsRefused() {
        assertThatThrownBy(() -> apply("RUN rm -rf /")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("RUN is not a valid change command");
    }
}

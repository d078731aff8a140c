package dev.purser.tui.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code -v}, {@code --mount} and {@code --tmpfs} read as the docker CLI reads them. */
class MountFlagsTest {
    @Test
    void aSpecWithASourceIsABindAndAPathAloneAVolume() {
        List<String> v = List.of("/host:/data:ro", "/anon", "name:/named");
        assertThat(MountFlags.binds(v)).containsExactly("/host:/data:ro", "name:/named");
        assertThat(MountFlags.anonymous(v)).containsExactly("/anon");
    }

    @Test
    void aDotRelativeSourceIsMadeAbsolute() {
        String cwd = Path.of("").toAbsolutePath().toString();
        assertThat(MountFlags.binds(List.of("./data:/data"))).containsExactly(cwd + "/data:/data");
    }

    @Test
    void anEmptySectionIsDockersError() {
        assertThatThrownBy(() -> MountFlags.binds(List.of("/a::/b"))).hasMessage("invalid spec: /a::/b: empty section between colons");
        assertThatThrownBy(() -> MountFlags.binds(List.of(""))).hasMessage("invalid empty volume spec");
    }

    @Test
    void mountTakesDockersKeysAndAliases() {
        assertThat(MountFlags.mount("type=bind,src=/h,dst=/c,ro,bind-propagation=rslave").toString())
                .isEqualTo("{\"Type\":\"bind\",\"Source\":\"/h\",\"Target\":\"/c\",\"ReadOnly\":true,\"BindOptions\":{\"Propagation\":\"rslave\"}}");
        assertThat(MountFlags.mount("type=tmpfs,destination=/t,tmpfs-size=1m,tmpfs-mode=1770").toString())
                .isEqualTo("{\"Type\":\"tmpfs\",\"Target\":\"/t\",\"TmpfsOptions\":{\"SizeBytes\":1048576,\"Mode\":1016}}");
    }

    @Test
    void volumeOptionsAreSentAsTheDockerCliSendsThem() {
        assertThat(MountFlags.mount("type=volume,src=v,dst=/c,volume-nocopy,volume-label=a=b,volume-driver=local").toString())
                .isEqualTo("{\"Type\":\"volume\",\"Source\":\"v\",\"Target\":\"/c\",\"VolumeOptions\":{\"NoCopy\":true,"
                        + "\"Labels\":{\"a\":\"b\"},\"DriverConfig\":{\"Name\":\"local\"}}}");
    }

    @Test
    void mountErrorsAreDockers() {
        assertThatThrownBy(() -> MountFlags.mount("type=bind,src")).hasMessage("invalid field 'src' must be a key=value pair");
        assertThatThrownBy(() -> MountFlags.mount("type=bind,size=1")).hasMessage("unknown option 'size' in 'size=1'");
        assertThatThrownBy(() -> MountFlags.mount("type=tmpfs,bind-propagation=rslave,dst=/x"))
                .hasMessage("cannot mix 'bind-*' options with mount type 'tmpfs'");
        assertThatThrownBy(() -> MountFlags.mount("type=bind,ro=maybe")).hasMessage(
                "invalid value for 'ro': invalid boolean value (\"maybe\"): must be one of \"true\", \"1\", \"false\", or \"0\" (default \"true\")");
        assertThatThrownBy(() -> MountFlags.mount("type=tmpfs,tmpfs-mode=9")).hasMessage("invalid value for tmpfs-mode: 9");
    }

    @Test
    void tmpfsSplitsAtTheFirstColon() {
        assertThat(MountFlags.tmpfs(List.of("/run:rw,size=64m", "/tmp"))).containsExactly(
                java.util.Map.entry("/run", "rw,size=64m"), java.util.Map.entry("/tmp", ""));
    }
}

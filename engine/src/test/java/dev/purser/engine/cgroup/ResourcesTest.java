package dev.purser.engine.cgroup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResourcesTest {
    @TempDir
    Path dir;

    @org.junit.jupiter.api.BeforeEach
    void delegatedControllers() throws IOException {
        Files.writeString(dir.resolve("cgroup.controllers"), "cpuset cpu io memory pids\n");
    }

    @Test
    void dockersSwapRuleAndCpuMath() {
        assertThat(new Resources(100, 0, 0, 0, 0).effectiveMemorySwap()).isEqualTo(200);
        assertThat(new Resources(100, -1, 0, 0, 0).effectiveMemorySwap()).isEqualTo(-1);
        assertThat(new Resources(100, 300, 0, 0, 0).effectiveMemorySwap()).isEqualTo(300);
        assertThat(new Resources(0, 0, 0, 0, 0).effectiveMemorySwap()).isZero();
        assertThat(new Resources(0, 0, 0, 1_500_000_000L, 0).cfsQuotaUs()).isEqualTo(150_000);
        assertThat(Resources.sharesToWeight(2)).isEqualTo(1);
        assertThat(Resources.sharesToWeight(1024)).isEqualTo(100);
        assertThat(Resources.sharesToWeight(262144)).isEqualTo(10000);
        assertThat(Resources.sharesToWeight(512)).isEqualTo(59); // runc's curve: ceil(10^1.7647)
    }

    @Test
    void v2WritesUnifiedFiles() throws IOException {
        for (String f : new String[] {"memory.max", "memory.swap.max", "cpu.weight", "cpu.max", "pids.max"}) {
            Files.writeString(dir.resolve(f), "max\n");
        }
        V2Cgroup g = new V2Cgroup("x", dir, null);
        assertThat(g.apply(new Resources(64 << 20, 0, 1024, 500_000_000, 50))).isEmpty();
        assertThat(Files.readString(dir.resolve("memory.max"))).isEqualTo(String.valueOf(64 << 20));
        assertThat(Files.readString(dir.resolve("memory.swap.max"))).isEqualTo(String.valueOf(64 << 20));
        assertThat(Files.readString(dir.resolve("cpu.weight"))).isEqualTo("100");
        assertThat(Files.readString(dir.resolve("cpu.max"))).isEqualTo("50000 100000");
        assertThat(Files.readString(dir.resolve("pids.max"))).isEqualTo("50");
        g.apply(new Resources(64 << 20, -1, 0, 0, -1));
        assertThat(Files.readString(dir.resolve("memory.swap.max"))).isEqualTo("max");
        assertThat(Files.readString(dir.resolve("pids.max"))).isEqualTo("max");
    }

    @Test
    void v2WithoutSwapFileWarnsLikeDocker() {
        V2Cgroup g = new V2Cgroup("x", dir, null);
        try {
            Files.writeString(dir.resolve("memory.max"), "max");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        assertThat(g.apply(new Resources(64 << 20, 0, 0, 0, 0))).containsExactly(
                "Your kernel does not support swap limit capabilities or the cgroup is not mounted. Memory limited without swap.");
    }

    @Test
    void v2LimitWithoutItsControllerIsRefused() throws IOException {
        Files.writeString(dir.resolve("cgroup.controllers"), "\n");
        V2Cgroup g = new V2Cgroup("x", dir, null);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> g.apply(new Resources(64 << 20, 0, 0, 0, 0)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("cgroup v2 controller memory is not available in " + dir + ": --memory cannot be applied");
        assertThat(dir.resolve("memory.max")).doesNotExist();
    }
}

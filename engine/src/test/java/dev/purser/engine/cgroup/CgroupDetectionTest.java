package dev.purser.engine.cgroup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CgroupDetectionTest {
    @TempDir
    Path tmp;

    /** This build machine's mountinfo: v1 controllers plus an empty unified hierarchy. */
    private static final String HYBRID = """
            30 22 0:27 / /sys/fs/cgroup rw,relatime - tmpfs tmpfs rw,mode=755
            31 30 0:28 / /sys/fs/cgroup/cpu rw,relatime - cgroup cgroup rw,cpu
            32 30 0:29 / /sys/fs/cgroup/cpuacct rw,relatime - cgroup cgroup rw,cpuacct
            33 30 0:30 / /sys/fs/cgroup/cpuset rw,relatime - cgroup cgroup rw,cpuset
            34 30 0:31 / /sys/fs/cgroup/memory rw,relatime - cgroup cgroup rw,memory
            36 30 0:33 / /sys/fs/cgroup/freezer rw,relatime shared:5 - cgroup cgroup rw,freezer
            39 30 0:36 / /sys/fs/cgroup/systemd rw,relatime - cgroup cgroup rw,name=systemd
            40 30 0:37 / /sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 rw
            """;

    @Test
    void parsesCgroupMountsOnly() {
        List<CgroupMount> mounts = CgroupMount.parse(HYBRID);
        assertThat(mounts).hasSize(7);
        assertThat(mounts.get(0).mountPoint()).isEqualTo(Path.of("/sys/fs/cgroup/cpu"));
        assertThat(mounts.get(0).superOptions()).contains("cpu");
        assertThat(mounts.get(4).superOptions()).contains("freezer");
        assertThat(mounts.get(6).isV2()).isTrue();
    }

    @Test
    void hybridIsV1() {
        V1Hierarchy h = (V1Hierarchy) CgroupHierarchy.detect(CgroupMount.parse(HYBRID), "purser", null);
        assertThat(h.version()).isEqualTo(CgroupVersion.V1);
        V1Cgroup g = h.open("abc");
        assertThat(g.dirs()).containsEntry("memory", Path.of("/sys/fs/cgroup/memory/purser/abc"))
                .containsEntry("cpu", Path.of("/sys/fs/cgroup/cpu/purser/abc"))
                .doesNotContainKey("pids");
    }

    @Test
    void coMountedCpuCpuacctGivesOneProcsFile() {
        String info = "31 30 0:28 / /sys/fs/cgroup/cpu,cpuacct rw - cgroup cgroup rw,cpu,cpuacct\n"
                + "34 30 0:31 / /sys/fs/cgroup/memory rw - cgroup cgroup rw,memory\n";
        Cgroup g = CgroupHierarchy.detect(CgroupMount.parse(info), "purser", null).open("x");
        assertThat(g.procsFiles()).containsExactly(
                Path.of("/sys/fs/cgroup/memory/purser/x/cgroup.procs"),
                Path.of("/sys/fs/cgroup/cpu,cpuacct/purser/x/cgroup.procs"));
    }

    @Test
    void containerViewNamesEachHierarchyByItsMount() {
        String info = "31 30 0:28 / /sys/fs/cgroup/cpu,cpuacct rw - cgroup cgroup rw,cpu,cpuacct\n"
                + "34 30 0:31 / /sys/fs/cgroup/memory rw - cgroup cgroup rw,memory\n";
        Cgroup g = CgroupHierarchy.detect(CgroupMount.parse(info), "purser", null).open("x");
        assertThat(g.containerView()).containsExactly(
                java.util.Map.entry("cpu,cpuacct", Path.of("/sys/fs/cgroup/cpu,cpuacct/purser/x")),
                java.util.Map.entry("memory", Path.of("/sys/fs/cgroup/memory/purser/x")));
    }

    @Test
    void containerViewOnV2IsTheGroupItself() throws IOException {
        Files.writeString(tmp.resolve("cgroup.controllers"), "memory\n");
        String info = "25 1 0:26 / " + tmp + " rw - cgroup2 cgroup2 rw,nsdelegate\n";
        Cgroup g = CgroupHierarchy.detect(CgroupMount.parse(info), "purser", null).open("x");
        assertThat(g.containerView()).containsExactly(java.util.Map.entry("", tmp.resolve("purser/x")));
    }

    @Test
    void unifiedWithControllersIsV2() throws IOException {
        Files.writeString(tmp.resolve("cgroup.controllers"), "cpuset cpu io memory pids\n");
        String info = "25 1 0:26 / " + tmp + " rw - cgroup2 cgroup2 rw,nsdelegate\n";
        assertThat(CgroupHierarchy.detect(CgroupMount.parse(info), "purser", null).version()).isEqualTo(CgroupVersion.V2);
    }
}

package dev.purser.engine.proc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ProcessTableTest {
    @Test
    void matchesProcpsPsEfForASpawnedSleep() throws Exception {
        Process sleep = new ProcessBuilder("sleep", "30").start();
        try {
            Thread.sleep(1200); // C is CPU over elapsed time: let a young process's value settle
            PsRow row = new ProcessTable().rows(List.of(sleep.pid())).get(0);
            Process ps = new ProcessBuilder("ps", "-f", "-p", Long.toString(sleep.pid())).start();
            List<String> lines;
            try (BufferedReader r = new BufferedReader(new InputStreamReader(ps.getInputStream()))) {
                lines = r.lines().toList();
            }
            ps.waitFor(10, TimeUnit.SECONDS);
            assertThat(lines.get(0).trim().split("\\s+")).containsExactlyElementsOf(PsRow.TITLES);
            String[] cols = lines.get(1).trim().split("\\s+", 8);
            List<String> ours = row.columns();
            for (int i = 0; i < cols.length; i++) {
                if (i == 3) {
                    // ps reads a moment later, so C may have dropped by one
                    assertThat(Integer.parseInt(cols[i])).isBetween(row.c() - 1, row.c());
                } else {
                    assertThat(ours.get(i)).as(PsRow.TITLES.get(i)).isEqualTo(cols[i]);
                }
            }
        } finally {
            sleep.destroyForcibly();
        }
    }

    @Test
    void ownJvmRowAndKernelThread() {
        long self = ProcessHandle.current().pid();
        List<PsRow> rows = new ProcessTable().rows(List.of(self, 2L, 999_999_999L));
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).pid()).isEqualTo(self);
        assertThat(rows.get(0).cmd()).contains("java");
        assertThat(rows.get(0).ppid()).isEqualTo(ProcessHandle.current().parent().orElseThrow().pid());
        assertThat(rows.get(1).cmd()).isEqualTo("[kthreadd]");
        assertThat(rows.get(1).tty()).isEqualTo("?");
    }

    @Test
    void columnFormats() {
        Instant now = Instant.parse("2026-11-29T15:00:00Z");
        assertThat(PsFormat.stime(Instant.parse("2026-11-29T03:04:59Z"), now, ZoneOffset.UTC)).isEqualTo("03:04");
        assertThat(PsFormat.stime(Instant.parse("2026-06-06T03:04:00Z"), now, ZoneOffset.UTC)).isEqualTo("Jun06");
        assertThat(PsFormat.stime(Instant.parse("2025-06-06T03:04:00Z"), now, ZoneOffset.UTC)).isEqualTo("2025");
        assertThat(PsFormat.cpuTime(5)).isEqualTo("00:00:05");
        assertThat(PsFormat.cpuTime(3 * 86400 + 3661)).isEqualTo("3-01:01:01");
        assertThat(PsFormat.tty((136 << 8) | 3)).isEqualTo("pts/3");
        assertThat(PsFormat.tty((4 << 8) | 1)).isEqualTo("tty1");
        assertThat(PsFormat.tty(0)).isEqualTo("?");
        assertThat(ProcessTable.commandLine(("sleep\u0000" + "30\u0000").getBytes(), "sleep")).isEqualTo("sleep 30");
        assertThat(ProcessTable.commandLine(new byte[0], "kworker/0:1")).isEqualTo("[kworker/0:1]");
        assertThat(ProcStat.parse("42 (a) b) c) S 1 42 42 34816 42 0 0 0 0 0 7 3 0 0 20 0 1 0 555 0 0").comm())
                .isEqualTo("a) b) c");
    }
}

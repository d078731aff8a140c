package dev.purser.engine.container;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code docker top} with ps options: like Docker, the host's {@code ps} runs with them and only
 * the rows of the container's processes are kept (found by the PID column).
 */
final class HostPs {
    private HostPs() {}

    static Top run(List<Long> containerPids, String psArgs) {
        java.util.Set<String> pids = new java.util.HashSet<>();
        containerPids.forEach(p -> pids.add(Long.toString(p)));
        List<String> command = new ArrayList<>();
        command.add("ps");
        command.addAll(List.of(psArgs.trim().split("\\s+")));
        // as moby does: ask ps for just these pids (-q), so options that select no processes still work
        command.add("-q");
        command.add(String.join(",", pids));
        String output;
        try {
            // a short-lived child through the JDK's own launcher (posix_spawn), not a fork of the JVM
            Process ps = new ProcessBuilder(command).redirectErrorStream(true).start();
            output = new String(ps.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (ps.waitFor() != 0) {
                throw new IllegalArgumentException("ps: " + output.strip());
            }
        } catch (IOException e) {
            throw new IllegalStateException("running ps: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running ps", e);
        }
        List<String> lines = output.lines().filter(l -> !l.isBlank()).toList();
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("ps printed nothing");
        }
        List<String> titles = List.of(lines.get(0).trim().split("\\s+"));
        int pidColumn = titles.indexOf("PID");
        if (pidColumn < 0) {
            throw new IllegalArgumentException("Couldn't find PID field in ps output");
        }
        List<List<String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> fields = List.of(line.trim().split("\\s+", titles.size()));
            if (fields.size() > pidColumn && pids.contains(fields.get(pidColumn))) {
                rows.add(fields);
            }
        }
        return new Top(titles, rows);
    }

}

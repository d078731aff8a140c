package dev.purser.engine.container;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Docker's {@code State} of a container. {@code Status} is one of created, running, paused,
 * restarting, removing, exited, dead; the booleans and times follow from the transitions in
 * {@link Containers}.
 */
public record ContainerState(
        String status,
        boolean running,
        boolean paused,
        boolean restarting,
        @JsonProperty("OOMKilled") boolean oomKilled,
        boolean dead,
        int pid,
        int exitCode,
        String error,
        String startedAt,
        String finishedAt) {

    /** Go's zero time, which Docker prints for a time that never happened. */
    public static final String ZERO_TIME = "0001-01-01T00:00:00Z";

    public static ContainerState created() {
        return new ContainerState("created", false, false, false, false, false, 0, 0, "", ZERO_TIME, ZERO_TIME);
    }

    public ContainerState running(int newPid, String now) {
        return new ContainerState("running", true, false, false, false, false, newPid, 0, "", now, finishedAt);
    }

    public ContainerState exited(int code, boolean oom, String now) {
        return new ContainerState("exited", false, false, false, oom, false, 0, code, "", startedAt, now);
    }

    public ContainerState failedToStart(int code, String message, String now) {
        return new ContainerState(startedAt.equals(ZERO_TIME) ? "created" : "exited", false, false, false, false, false,
                0, code, message, startedAt, finishedAt.equals(ZERO_TIME) ? now : finishedAt);
    }

    public ContainerState paused(boolean isPaused) {
        return new ContainerState(isPaused ? "paused" : "running", running, isPaused, restarting, oomKilled, dead, pid,
                exitCode, error, startedAt, finishedAt);
    }

    /** Docker's state while a removal is under way (its RemovalInProgress); the rest is kept. */
    public ContainerState removing() {
        return new ContainerState("removing", running, paused, restarting, oomKilled, dead, pid, exitCode, error,
                startedAt, finishedAt);
    }

    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean removalInProgress() {
        return status.equals("removing");
    }

    public ContainerState restarting(int code, String now) {
        return new ContainerState("restarting", true, false, true, false, false, 0, code, "", startedAt, now);
    }
}

package dev.purser.engine.api;

import java.util.Set;

/**
 * The networks a container can be on today: the default bridge (Docker's {@code default} or
 * {@code bridge}: its own network namespace with {@code eth0} on purser0 and loopback), its own
 * namespace with only loopback ({@code none}), the host's ({@code host}), or another
 * container's ({@code container:NAME|ID}, which must exist and run when this one starts: Docker
 * checks it then, not at create), or a user-defined network, which the engine looks up at create
 * (a name that is none is refused there with Docker's "network NAME not found").
 */
final class NetworkNames {
    private static final Set<String> WORKING = Set.of("", "default", "bridge", "none", "host");

    private NetworkNames() {}

    /** Refuses a network mode or network name purser cannot put a container on. */
    static void admit(String label, String name) {
        if (WORKING.contains(name)) {
            return;
        }
        if (name.equals("container") || name.startsWith("container:")) {
            if (name.length() <= "container:".length()) {
                throw ApiException.badRequest("invalid network mode: invalid container format container:<name|id>");
            }
            return;
        }
        if (!name.matches("[a-zA-Z0-9][a-zA-Z0-9_.-]*")) {
            // Docker's words, but a 400: a 404 from create makes the docker CLI pull the image and
            // report that instead (docs/decisions/0010)
            throw ApiException.badRequest("network " + name + " not found");
        }
    }
}

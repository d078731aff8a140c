package dev.purser.engine.network.ports;

/**
 * A container port and its protocol, Docker's {@code nat.Port}: written {@code 80/tcp}, and a
 * bare {@code 80} means tcp. Ordered by number, then protocol.
 */
public record ContainerPort(int number, String protocol) implements Comparable<ContainerPort> {
    public ContainerPort {
        if (number < 0 || number > 65535) {
            throw new IllegalArgumentException("invalid port specification: \"" + number + "\"");
        }
    }

    /**
     * Reads Docker's key ({@code 80/tcp}, {@code 53/udp}, {@code 80}); an
     * IllegalArgumentException with the daemon's wording for anything else.
     */
    public static ContainerPort parse(String key) {
        int slash = key.indexOf('/');
        String number = slash < 0 ? key : key.substring(0, slash);
        String protocol = slash < 0 || slash == key.length() - 1 ? "tcp" : key.substring(slash + 1).toLowerCase(java.util.Locale.ROOT);
        int n;
        try {
            n = PortRange.number(number);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid port specification: \"" + number + "\"");
        }
        if (!protocol.equals("tcp") && !protocol.equals("udp") && !protocol.equals("sctp")) {
            throw new IllegalArgumentException("invalid port specification: \"" + key + "\": unknown protocol " + protocol);
        }
        return new ContainerPort(n, protocol);
    }

    /** Docker's spelling, the key of ExposedPorts, PortBindings and NetworkSettings.Ports. */
    @Override
    public String toString() {
        return number + "/" + protocol;
    }

    @Override
    public int compareTo(ContainerPort o) {
        int c = Integer.compare(number, o.number);
        return c != 0 ? c : protocol.compareTo(o.protocol);
    }
}

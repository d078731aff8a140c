package dev.purser.engine.network;

/**
 * One {@code --add-host NAME:IP} ({@code HostConfig.ExtraHosts}): split at the first colon so
 * that IPv6 addresses keep theirs. The IP may be {@value #HOST_GATEWAY}, the daemon's address
 * for the host, resolved when the hosts file is written.
 */
public record ExtraHost(String name, String ip) {
    public static final String HOST_GATEWAY = "host-gateway";

    /** {@code NAME:IP}, with Docker's errors for a missing name or colon and for a bad IP. */
    public static ExtraHost parse(String value) {
        int colon = value.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("bad format for add-host: \"" + value + "\"");
        }
        String ip = value.substring(colon + 1);
        if (!ip.equals(HOST_GATEWAY)) {
            try {
                IpLiteral.parse(ip);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("invalid IP address in add-host: \"" + ip + "\"");
            }
        }
        return new ExtraHost(value.substring(0, colon), ip);
    }

    public boolean isHostGateway() {
        return ip.equals(HOST_GATEWAY);
    }
}

package dev.purser.tui.it;

import java.net.URI;
import org.testcontainers.dockerclient.DockerClientProviderStrategy;
import org.testcontainers.dockerclient.TransportConfig;

/**
 * How Testcontainers finds the test's purser daemon: the socket named by the system property
 * {@value #PROPERTY}, set by the test that starts it. First among Testcontainers' strategies
 * when set, never written to the user's ~/.testcontainers.properties.
 */
public final class PurserTestDaemonStrategy extends DockerClientProviderStrategy {
    static final String PROPERTY = "purser.it.docker.host";

    @Override
    public String getDescription() {
        return "purser test daemon (" + System.getProperty(PROPERTY) + ")";
    }

    @Override
    protected boolean isApplicable() {
        return System.getProperty(PROPERTY) != null;
    }

    @Override
    protected boolean isPersistable() {
        return false;
    }

    @Override
    protected int getPriority() {
        return Integer.MAX_VALUE;
    }

    @Override
    public TransportConfig getTransportConfig() {
        return TransportConfig.builder().dockerHost(URI.create(System.getProperty(PROPERTY))).build();
    }
}

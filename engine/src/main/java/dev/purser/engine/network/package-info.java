/**
 * Container networking as engine state: the networks (the default bridge {@code purser0} and
 * user-defined bridges, {@link dev.purser.engine.network.Networks}), their address leases, the
 * veth pairs and routes made over rtnetlink from Java ({@link dev.purser.engine.network.RouteSocket};
 * no {@code ip} binary), the host's forwarding and masquerade rules
 * ({@link dev.purser.engine.network.HostFirewall}), links and their environment, and the
 * containers' {@code /etc/hosts}, {@code /etc/resolv.conf} and {@code /etc/hostname}
 * ({@link dev.purser.engine.network.EtcFiles}). Published ports are {@code ports}. The API only
 * translates; nothing here knows HTTP or JSON bodies, and container records stay the
 * {@code container} package's.
 */
package dev.purser.engine.network;

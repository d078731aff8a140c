package dev.purser.engine.network;

/**
 * A network interface as rtnetlink lists it: index, name, MTU, whether it is up, the index of
 * the bridge it is a port of (0: none), its hardware address, and its kind ({@code bridge},
 * {@code veth}; empty for a physical one).
 */
public record Link(int index, String name, int mtu, boolean up, int master, String mac, String kind) {}

package dev.purser.engine.network;

/** An IPv4 address on an interface (by index), with its prefix length. */
public record InterfaceAddress(int index, Ipv4Cidr address) {}

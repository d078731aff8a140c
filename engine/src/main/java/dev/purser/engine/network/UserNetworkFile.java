package dev.purser.engine.network;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.purser.engine.store.AtomicFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The user-defined networks as kept under the state root, so that an engine opening recreates them. */
final class UserNetworkFile {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @param ipRange null when the network has none (and in the files of engines before ranges)
     * @param subnetConfigured false in a file written before it was kept
     */
    record Entry(String id, String name, String subnet, String gateway, boolean internal, Map<String, String> labels,
                 String created, String ipRange, boolean subnetConfigured) {
        static Entry of(Network n) {
            return new Entry(n.id(), n.name(), n.subnet().toString(), n.gateway().toString(), n.internal(), n.labels(), n.created(),
                    n.ipRange() == null ? null : n.ipRange().toString(), n.subnetConfigured());
        }

        Network network() {
            Ipv4Cidr cidr = Ipv4Cidr.parse(subnet);
            return new Network(id, name, "bridge", cidr, Ipv4Address.parse(gateway), bridgeName(id), created, internal, labels, false,
                    ipRange == null ? null : Ipv4Cidr.parse(ipRange), subnetConfigured);
        }
    }

    private final Path file;

    UserNetworkFile(Path file) {
        this.file = file;
    }

    static String bridgeName(String id) {
        return "br-" + id.substring(0, 12);
    }

    List<Network> read() {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            List<Entry> entries = JSON.readValue(file.toFile(), new TypeReference<List<Entry>>() {});
            return entries.stream().map(Entry::network).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("reading the user-defined networks " + file, e);
        }
    }

    void write(List<Network> networks) {
        List<Entry> entries = new ArrayList<>();
        for (Network n : networks) {
            entries.add(Entry.of(n));
        }
        try {
            AtomicFile.write(file, JSON.writeValueAsBytes(entries));
        } catch (IOException e) {
            throw new UncheckedIOException("writing the user-defined networks " + file, e);
        }
    }
}

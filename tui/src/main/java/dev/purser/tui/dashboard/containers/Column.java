package dev.purser.tui.dashboard.containers;

import java.util.Comparator;

/** A column of the containers table: its header, its width share, and how it sorts. */
public enum Column {
    NAME("NAME", 18, "Names"),
    IMAGE("IMAGE", 12, "Image"),
    STATUS("STATUS", 26, "Status"),
    PORTS("PORTS", 14, "Ports"),
    CREATED("CREATED", 14, "RunningFor"),
    ID("CONTAINER ID", 13, "ID");

    private final String header;
    private final int width;
    private final String field;

    Column(String header, int width, String field) {
        this.header = header;
        this.width = width;
        this.field = field;
    }

    public String header() {
        return header;
    }

    /** The width the column would like at 100 columns. */
    public int width() {
        return width;
    }

    public String text(ContainerEntry e) {
        return e.field(field);
    }

    public Comparator<ContainerEntry> order() {
        return switch (this) {
            case CREATED -> Comparator.comparingLong(ContainerEntry::created).reversed();
            case STATUS -> Comparator.comparing(ContainerEntry::state).thenComparing(e -> e.field("Status"));
            default -> Comparator.comparing(e -> text(e).toLowerCase(java.util.Locale.ROOT));
        };
    }
}

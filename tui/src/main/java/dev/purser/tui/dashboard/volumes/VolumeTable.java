package dev.purser.tui.dashboard.volumes;

import dev.purser.tui.dashboard.table.KeyedRows;

/** The Volumes view's rows and selection, kept by name. */
public final class VolumeTable extends KeyedRows<VolumeEntry> {
    public VolumeTable() {
        super(VolumeEntry::name);
    }
}

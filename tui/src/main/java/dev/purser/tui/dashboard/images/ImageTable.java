package dev.purser.tui.dashboard.images;

import dev.purser.tui.dashboard.table.KeyedRows;
import java.util.Comparator;
import java.util.List;

/** The images view's rows, sorted by reference, and the selection, kept by reference. */
public final class ImageTable extends KeyedRows<ImageEntry> {
    public ImageTable() {
        super(ImageEntry::reference);
    }

    @Override
    public void replaceAll(List<ImageEntry> fresh) {
        super.replaceAll(fresh.stream().sorted(Comparator.comparing(ImageEntry::reference)).toList());
    }
}

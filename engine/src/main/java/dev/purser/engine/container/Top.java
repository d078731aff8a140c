package dev.purser.engine.container;

import dev.purser.engine.proc.ProcessTable;
import dev.purser.engine.proc.PsRow;
import java.util.List;

/** What {@code docker top} shows: column titles and one row per process. */
public record Top(List<String> titles, List<List<String>> processes) {

    /** Docker's default table, {@code ps -ef}'s columns, for these host pids (read from /proc). */
    static Top of(List<Long> pids) {
        return new Top(PsRow.TITLES, new ProcessTable().rows(pids).stream().map(PsRow::columns).toList());
    }
}

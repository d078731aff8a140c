package dev.purser.engine.proc;

/**
 * The fields of /proc/PID/stat that ps -ef needs. {@code comm} is between the first '(' and the
 * last ')', since a command name may itself contain spaces and parentheses.
 */
record ProcStat(long pid, String comm, long ppid, int ttyNr, long utimeTicks, long stimeTicks, long startTicks) {
    static ProcStat parse(String stat) {
        int open = stat.indexOf('(');
        int close = stat.lastIndexOf(')');
        long pid = Long.parseLong(stat.substring(0, open).trim());
        String comm = stat.substring(open + 1, close);
        // fields after comm start at field 3 (state); index 0 here is field 3
        String[] f = stat.substring(close + 2).trim().split(" ");
        return new ProcStat(pid, comm, Long.parseLong(f[1]), Integer.parseInt(f[4]),
                Long.parseLong(f[11]), Long.parseLong(f[12]), Long.parseLong(f[19]));
    }
}

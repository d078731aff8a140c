/** The containers list's rows, columns, sort, filter and marks. No drawing and no daemon calls here. */
package dev.purser.tui.dashboard.containers;

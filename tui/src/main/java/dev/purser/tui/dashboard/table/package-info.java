/** Row models the dashboard's views share: rows with a selection kept by key and a scroll. No drawing here. */
package dev.purser.tui.dashboard.table;

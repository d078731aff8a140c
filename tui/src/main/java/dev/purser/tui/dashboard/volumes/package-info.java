/** The Volumes view's rows: each volume with the containers using it. No drawing and no daemon calls here. */
package dev.purser.tui.dashboard.volumes;

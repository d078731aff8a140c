/** The images view's rows and an image's (or a container's) layers with their sharing counts. No drawing and no daemon calls here. */
package dev.purser.tui.dashboard.images;

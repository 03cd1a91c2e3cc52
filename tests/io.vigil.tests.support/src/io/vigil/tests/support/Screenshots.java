package io.vigil.tests.support;

import java.nio.file.Path;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;

/** Pictures of what is on the screen, for tests that check a control draws and for people to look at. Call on the UI thread. */
public final class Screenshots {

	private Screenshots() {
	}

	/** Returns the pixels a control shows now. */
	public static ImageData of(Control control) {
		Display display = control.getDisplay();
		Point size = control.getSize();
		Point origin = control.toDisplay(0, 0);
		Image image = new Image(display, Math.max(1, size.x), Math.max(1, size.y));
		GC gc = new GC(display);
		try {
			gc.copyArea(image, origin.x, origin.y);
			return image.getImageData();
		} finally {
			gc.dispose();
			image.dispose();
		}
	}

	/** Saves what the whole display shows as a PNG file. */
	public static void save(Display display, Path file) {
		Rectangle bounds = display.getBounds();
		Image image = new Image(display, bounds.width, bounds.height);
		GC gc = new GC(display);
		try {
			gc.copyArea(image, 0, 0);
			ImageLoader loader = new ImageLoader();
			loader.data = new ImageData[] { image.getImageData() };
			loader.save(file.toString(), SWT.IMAGE_PNG);
		} finally {
			gc.dispose();
			image.dispose();
		}
	}

	/** Returns how many distinct colors an image has: a control that draws nothing has one or two. */
	public static int distinctColors(ImageData image, int limit) {
		java.util.Set<Integer> colors = new java.util.HashSet<>();
		for (int y = 0; y < image.height; y += 2) {
			for (int x = 0; x < image.width; x += 2) {
				colors.add(image.getPixel(x, y));
				if (colors.size() >= limit) {
					return colors.size();
				}
			}
		}
		return colors.size();
	}
}

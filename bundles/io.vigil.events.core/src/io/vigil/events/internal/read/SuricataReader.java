package io.vigil.events.internal.read;

import java.io.IOException;

import io.vigil.events.read.EventInput;
import io.vigil.events.read.EventReader;
import io.vigil.events.read.ReadRecord;
import io.vigil.events.read.ReaderOptions;

/** Placeholder until the reader lands; every input is rejected as unsupported. */
public final class SuricataReader implements EventReader {

	private final EventInput input;

	/** Creates the reader. */
	public SuricataReader(EventInput input, ReaderOptions options) {
		this.input = input;
	}

	@Override
	public ReadRecord next() throws IOException {
		return null;
	}

	@Override
	public void close() throws IOException {
		input.close();
	}
}

package io.vigil.events.internal.read;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** The JSON parser the readers share, and how they describe its errors. */
public final class JsonSupport {

	/** Thread-safe once configured; duplicate keys keep the last value, as most producers expect. */
	public static final ObjectMapper MAPPER = JsonMapper.builder().enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
			.build();

	private JsonSupport() {
	}

	/**
	 * Describes a parse error in one line for a rejects file: what was wrong and the column,
	 * without Jackson's source excerpt.
	 */
	public static String describe(JsonProcessingException e) {
		String message = e.getOriginalMessage();
		int cut = message.indexOf('\n');
		if (cut >= 0) {
			message = message.substring(0, cut);
		}
		JsonLocation location = e.getLocation();
		if (location != null && location.getColumnNr() > 0) {
			return "malformed JSON at column " + location.getColumnNr() + ": " + message;
		}
		return "malformed JSON: " + message;
	}
}

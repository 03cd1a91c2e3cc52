package io.vigil.exchange;

import java.util.List;

/**
 * What a redaction profile did to objects: the objects as they would leave, each value replaced by
 * its pseudonym and each field left out. Shown by a preview before anything is written.
 *
 * @param profile the profile's name
 * @param objects the redacted objects
 * @param replaced the replaced values, one per object, field and value
 * @param dropped the fields and attachments left out
 * @param warnings content the profile could not look into (binary attachments kept as they are)
 */
public record Redaction(String profile, List<ExchangeObject> objects, List<Replaced> replaced, List<Dropped> dropped,
		List<String> warnings) {

	/** One value replaced in one field of one object. */
	public record Replaced(String ref, String path, String value, String pseudonym) {
	}

	/** One field or attachment ({@code attachment:NAME}) left out of one object. */
	public record Dropped(String ref, String path) {
	}

	/** Copies the lists. */
	public Redaction {
		objects = List.copyOf(objects);
		replaced = List.copyOf(replaced);
		dropped = List.copyOf(dropped);
		warnings = List.copyOf(warnings);
	}
}

package io.vigil.exchange;

import java.util.List;
import java.util.Objects;

/**
 * What to export: either whole cases ({@code kind} {@code incident} and their ids, with what belongs
 * to them), or chosen objects ({@code kind} {@code objects} and references {@code type:id}).
 *
 * @param kind {@value #INCIDENT} or {@value #OBJECTS}
 * @param ids incident ids, or object references {@code type:id}
 */
public record ExchangeSelection(String kind, List<String> ids) {

	/** The kind that selects incidents with their events, alerts and evidence. */
	public static final String INCIDENT = "incident";
	/** The kind that selects objects by reference. */
	public static final String OBJECTS = "objects";

	/** Checks the arguments. */
	public ExchangeSelection {
		Objects.requireNonNull(kind, "kind");
		ids = List.copyOf(ids);
	}

	/** Selects one incident with what belongs to it. */
	public static ExchangeSelection incident(String id) {
		return new ExchangeSelection(INCIDENT, List.of(id));
	}

	/** Selects objects by reference {@code type:id}. */
	public static ExchangeSelection objects(List<String> refs) {
		return new ExchangeSelection(OBJECTS, refs);
	}

	/** Returns the ids of the referenced objects of one type, for an {@value #OBJECTS} selection. */
	public List<String> idsOfType(String type) {
		String prefix = type + ":";
		return ids.stream().filter(ref -> ref.startsWith(prefix)).map(ref -> ref.substring(prefix.length())).toList();
	}
}

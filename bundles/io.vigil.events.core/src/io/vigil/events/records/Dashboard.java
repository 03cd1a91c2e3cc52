package io.vigil.events.records;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import io.vigil.events.internal.read.JsonSupport;

/**
 * A named dashboard: tiles, each built from a saved search. Stored as JSON in the workspace.
 *
 * @param name the dashboard's name
 * @param tiles its tiles, in reading order
 */
public record Dashboard(String name, List<Tile> tiles) {

	/** What a tile shows of its search. */
	public enum Kind {
		/** The number of matches. */
		COUNT,
		/** The top values of a field among the matches. */
		TOP_VALUES,
		/** The matches over time. */
		HISTOGRAM,
		/** The newest matches. */
		LATEST;

		/** Returns the kind's name in JSON: {@code count}, {@code top-values}, ... */
		public String id() {
			return name().toLowerCase(Locale.ROOT).replace('_', '-');
		}

		/** Returns the kind with a JSON name. */
		public static Kind of(String id) {
			return valueOf(id.toUpperCase(Locale.ROOT).replace('-', '_'));
		}
	}

	/**
	 * One tile.
	 *
	 * @param search the saved search it shows
	 * @param kind what it shows
	 * @param field the field, for {@link Kind#TOP_VALUES}; otherwise {@code null}
	 */
	public record Tile(String search, Kind kind, String field) {

		/** Checks the arguments. */
		public Tile {
			Objects.requireNonNull(search, "search");
			Objects.requireNonNull(kind, "kind");
			if (kind == Kind.TOP_VALUES && (field == null || field.isBlank())) {
				throw new IllegalArgumentException("a top values tile needs a field");
			}
		}
	}

	/** Checks the arguments. */
	public Dashboard {
		Objects.requireNonNull(name, "name");
		tiles = List.copyOf(tiles);
	}

	/** Returns the tiles as JSON. */
	public String tilesJson() {
		ArrayNode array = JsonNodeFactory.instance.arrayNode();
		for (Tile tile : tiles) {
			var node = array.addObject().put("search", tile.search()).put("kind", tile.kind().id());
			if (tile.field() != null) {
				node.put("field", tile.field());
			}
		}
		return array.toString();
	}

	/**
	 * Reads a dashboard's tiles from JSON.
	 *
	 * @throws IOException if the JSON is not a list of tiles
	 */
	public static Dashboard of(String name, String tilesJson) throws IOException {
		JsonNode array = JsonSupport.MAPPER.readTree(tilesJson);
		if (array == null || !array.isArray()) {
			throw new IOException("the tiles of dashboard '" + name + "' are not a JSON array");
		}
		List<Tile> tiles = new ArrayList<>();
		for (JsonNode tile : array) {
			try {
				tiles.add(new Tile(tile.path("search").asText(), Kind.of(tile.path("kind").asText()),
						tile.hasNonNull("field") ? tile.get("field").asText() : null));
			} catch (IllegalArgumentException e) {
				throw new IOException("dashboard '" + name + "' has a tile that cannot be read: " + tile, e);
			}
		}
		return new Dashboard(name, tiles);
	}
}

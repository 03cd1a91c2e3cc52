package io.vigil.exchange;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vigil.exchange.internal.format.Crypto;
import io.vigil.exchange.internal.format.Json;

/**
 * How objects are laid out as bundle entries: {@code objects/NNNNNN.json} with the object's type,
 * id, time, content and the list of its attachments, each in
 * {@code attachments/NNNNNN/K-NAME}; and how an object's content hash is computed.
 */
final class ObjectEntries {

	private ObjectEntries() {
	}

	/** Adds the entries of an object, the object's first, to an ordered map of entries. */
	static String add(ExchangeObject object, int index, Map<String, byte[]> entries) {
		String path = String.format(Locale.ROOT, "objects/%06d.json", index);
		ObjectNode json = Json.MAPPER.createObjectNode().put("type", object.type()).put("id", object.id())
				.put("updated", object.updated().toString());
		json.set("content", object.content());
		ArrayNode attachments = json.putArray("attachments");
		List<Map.Entry<String, byte[]>> files = new ArrayList<>();
		int number = 0;
		for (Attachment attachment : object.attachments()) {
			number++;
			String file = String.format(Locale.ROOT, "attachments/%06d/%d-%s", index, number, attachment.name());
			byte[] data = attachment.data();
			attachments.addObject().put("name", attachment.name()).put("mediaType", attachment.mediaType())
					.put("raw", attachment.raw()).put("size", data.length).put("sha256", Crypto.sha256(data))
					.put("path", file);
			files.add(Map.entry(file, data));
		}
		entries.put(path, Json.canonical(json));
		files.forEach(file -> entries.put(file.getKey(), file.getValue()));
		return path;
	}

	/**
	 * Reads an object from its entry; the caller has checked every entry's hash against the
	 * manifest.
	 *
	 * @throws BundleRejectedException if the entry is not an object or an attachment is missing
	 */
	static ExchangeObject read(String path, byte[] bytes, Map<String, byte[]> entries) throws BundleRejectedException {
		ObjectNode json = Json.parseObject(bytes);
		String type = Json.text(json, "type");
		String id = Json.text(json, "id");
		String updated = Json.text(json, "updated");
		if (type == null || id == null || updated == null || !(json.get("content") instanceof ObjectNode content)
				|| !(json.get("attachments") instanceof ArrayNode list)) {
			throw new BundleRejectedException("entry " + path + " is not an object: it needs type, id, updated, content"
					+ " and attachments");
		}
		try {
			List<Attachment> attachments = new ArrayList<>();
			for (JsonNode item : list) {
				String file = Json.text(item, "path");
				byte[] data = file == null ? null : entries.get(file);
				if (data == null || !Crypto.sha256(data).equals(Json.text(item, "sha256"))) {
					throw new BundleRejectedException("object " + type + ":" + id + " lists attachment " + file
							+ ", which is missing or whose hash does not match");
				}
				attachments.add(new Attachment(Json.text(item, "name"), Json.text(item, "mediaType"), data,
						item.path("raw").asBoolean()));
			}
			return new ExchangeObject(type, id, Instant.parse(updated), content, attachments);
		} catch (DateTimeParseException | IllegalArgumentException | NullPointerException e) {
			throw new BundleRejectedException("entry " + path + " is not a valid object: " + e.getMessage(), e);
		}
	}

	/**
	 * Returns the hash of an object's content: the SHA-256 of the canonical JSON of its type, id,
	 * content and attachments (name, media type, raw mark and SHA-256), leaving out the time, so
	 * that the same content in two workspaces has the same hash.
	 */
	static String contentHash(ExchangeObject object) {
		ObjectNode json = Json.MAPPER.createObjectNode().put("type", object.type()).put("id", object.id());
		json.set("content", object.content());
		ArrayNode attachments = json.putArray("attachments");
		for (Attachment attachment : object.attachments()) {
			attachments.addObject().put("name", attachment.name()).put("mediaType", attachment.mediaType())
					.put("raw", attachment.raw()).put("sha256", Crypto.sha256(attachment.data()));
		}
		return Crypto.sha256(Json.canonical(json));
	}
}

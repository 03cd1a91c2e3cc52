package io.vigil.events.store;

import java.net.InetAddress;
import java.util.Map;
import java.util.Optional;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.InetAddressPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedNumericDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.NumericUtils;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Turns an event into the Lucene document that {@link IndexFields} describes. Thread-safe.
 */
public final class EventDocuments {

	/** Deeper JSON is kept in the stored event but not indexed. */
	public static final int MAX_DEPTH = 12;
	/** Leaves beyond this many are kept in the stored event but not indexed. */
	public static final int MAX_LEAVES = 1000;

	private static final String VIGIL_PREFIX = "vigil.";
	private static final String VIGIL_ID = "vigil.id";

	private EventDocuments() {
	}

	/**
	 * Builds the document of an event.
	 *
	 * @param id the event's stable id
	 * @param timeMillis its {@code utctimestamp} in epoch milliseconds
	 * @param event the normalized event
	 * @param json the event as UTF-8 JSON, as it is stored
	 */
	public static Document build(String id, long timeMillis, ObjectNode event, byte[] json) {
		Document document = new Document();
		document.add(new StringField(IndexFields.ID, id, Field.Store.YES));
		document.add(new LongPoint(IndexFields.TIME, timeMillis));
		document.add(new NumericDocValuesField(IndexFields.TIME, timeMillis));
		document.add(new StoredField(IndexFields.SOURCE, json));
		new Flattener(document).object(event, "", 0);
		return document;
	}

	/** Walks the JSON tree and adds a field set per leaf. */
	private static final class Flattener {

		private final Document document;
		private int leaves;

		Flattener(Document document) {
			this.document = document;
		}

		void object(JsonNode object, String prefix, int depth) {
			for (Map.Entry<String, JsonNode> member : object.properties()) {
				String key = member.getKey().replace('#', '_');
				value(member.getValue(), prefix.isEmpty() ? key : prefix + '.' + key, depth + 1);
			}
		}

		private void value(JsonNode value, String path, int depth) {
			if (depth > MAX_DEPTH || leaves >= MAX_LEAVES || value.isNull()) {
				return;
			}
			if (value.isObject()) {
				object(value, path, depth);
			} else if (value.isArray()) {
				for (JsonNode element : value) {
					value(element, path, depth);
				}
			} else if (value.isNumber()) {
				leaves++;
				number(path, value);
			} else if (value.isBoolean()) {
				leaves++;
				keyword(path, value.asBoolean() ? "true" : "false");
			} else {
				leaves++;
				string(path, value.asText());
			}
		}

		private void number(String path, JsonNode value) {
			double number = value.asDouble();
			String text = value.isIntegralNumber() && value.canConvertToLong() ? Long.toString(value.asLong())
					: Double.toString(number);
			keyword(path, text);
			String field = IndexFields.number(path);
			document.add(new DoublePoint(field, number));
			document.add(new SortedNumericDocValuesField(field, NumericUtils.doubleToSortableLong(number)));
		}

		private void string(String path, String text) {
			if (path.equals(VIGIL_ID)) {
				// The id is indexed once already, as #id.
				return;
			}
			keyword(path, text);
			Optional<InetAddress> address = IpAddresses.parse(text);
			if (address.isPresent()) {
				document.add(new InetAddressPoint(IndexFields.ip(path), address.get()));
			} else if (hasWords(text) && !path.startsWith(VIGIL_PREFIX)) {
				document.add(new TextField(IndexFields.text(path), text, Field.Store.NO));
			}
		}

		/**
		 * Whether a string has letters worth searching as words: timestamps, numbers and hashes
		 * written in digits are found by their keyword, and skipping their analysis makes
		 * indexing markedly cheaper.
		 */
		private static boolean hasWords(String text) {
			for (int i = 0; i < text.length(); i++) {
				char c = text.charAt(i);
				if (Character.isLetter(c)) {
					return true;
				}
			}
			return false;
		}

		private void keyword(String path, String text) {
			String value = text.length() <= IndexFields.MAX_KEYWORD ? text : text.substring(0, IndexFields.MAX_KEYWORD);
			document.add(new StringField(path, value, Field.Store.NO));
			document.add(new SortedSetDocValuesField(path, new BytesRef(value)));
		}
	}
}

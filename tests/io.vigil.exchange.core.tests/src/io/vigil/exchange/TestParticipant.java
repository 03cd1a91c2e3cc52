package io.vigil.exchange;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vigil.core.store.SchemaContribution;
import io.vigil.core.store.SchemaMigration;
import io.vigil.core.workspace.Workspace;
import io.vigil.core.workspace.WorkspaceException;

/**
 * A participant of the tests: objects of any of its types in one small Derby table, attachments
 * inline as base64. An incident selection gives the incident and every object whose content names
 * it in {@code incident}.
 */
final class TestParticipant implements ExchangeParticipant {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final Set<String> types;

	TestParticipant(Set<String> types) {
		this.types = Set.copyOf(types);
	}

	/** The test table. */
	static final class Schema implements SchemaContribution {
		@Override
		public String component() {
			return "exchange-test";
		}

		@Override
		public List<SchemaMigration> migrations() {
			return List.of(SchemaMigration.sql(1, "test objects",
					"CREATE TABLE TEST_OBJECT (OBJECT_TYPE VARCHAR(64) NOT NULL, OBJECT_ID VARCHAR(512) NOT NULL,"
							+ " UPDATED VARCHAR(64) NOT NULL, BODY CLOB NOT NULL, PRIMARY KEY (OBJECT_TYPE, OBJECT_ID))"));
		}
	}

	@Override
	public Set<String> types() {
		return types;
	}

	@Override
	public List<ExchangeObject> collect(ExchangeSelection selection, Workspace workspace)
			throws ExchangeException, WorkspaceException {
		List<ExchangeObject> objects = new ArrayList<>();
		if (selection.kind().equals(ExchangeSelection.INCIDENT)) {
			for (String id : selection.ids()) {
				objects.add(current("incident", id, workspace)
						.orElseThrow(() -> new ExchangeException("no incident " + id)));
				all(workspace).stream().filter(object -> object.content().path("incident").asText().equals(id))
						.forEach(objects::add);
			}
			return objects;
		}
		for (String ref : selection.ids()) {
			int colon = ref.indexOf(':');
			objects.add(current(ref.substring(0, colon), ref.substring(colon + 1), workspace)
					.orElseThrow(() -> new ExchangeException("no object " + ref)));
		}
		return objects;
	}

	@Override
	public Optional<ExchangeObject> current(String type, String id, Workspace workspace) throws WorkspaceException {
		return all(workspace).stream().filter(object -> object.type().equals(type) && object.id().equals(id))
				.findFirst();
	}

	/** Returns every stored object. */
	static List<ExchangeObject> all(Workspace workspace) throws WorkspaceException {
		workspace.ensureSchema(new Schema());
		List<ExchangeObject> objects = new ArrayList<>();
		try (Connection connection = workspace.database().connect();
				PreparedStatement query = connection.prepareStatement(
						"SELECT OBJECT_TYPE, OBJECT_ID, UPDATED, BODY FROM TEST_OBJECT ORDER BY OBJECT_TYPE, OBJECT_ID");
				ResultSet rows = query.executeQuery()) {
			while (rows.next()) {
				objects.add(decode(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4)));
			}
		} catch (SQLException | java.io.IOException e) {
			throw new WorkspaceException("test table: " + e.getMessage(), e);
		}
		return objects;
	}

	@Override
	public void store(List<ExchangeObject> objects, Workspace workspace) throws WorkspaceException {
		put(workspace, objects);
	}

	/** Adds or replaces objects in one transaction. */
	static void put(Workspace workspace, List<ExchangeObject> objects) throws WorkspaceException {
		workspace.ensureSchema(new Schema());
		try (Connection connection = workspace.database().connect()) {
			connection.setAutoCommit(false);
			try (PreparedStatement delete = connection
					.prepareStatement("DELETE FROM TEST_OBJECT WHERE OBJECT_TYPE = ? AND OBJECT_ID = ?");
					PreparedStatement insert = connection.prepareStatement(
							"INSERT INTO TEST_OBJECT (OBJECT_TYPE, OBJECT_ID, UPDATED, BODY) VALUES (?, ?, ?, ?)")) {
				for (ExchangeObject object : objects) {
					delete.setString(1, object.type());
					delete.setString(2, object.id());
					delete.executeUpdate();
					insert.setString(1, object.type());
					insert.setString(2, object.id());
					insert.setString(3, object.updated().toString());
					insert.setString(4, encode(object));
					insert.executeUpdate();
				}
				connection.commit();
			} catch (SQLException e) {
				connection.rollback();
				throw e;
			}
		} catch (SQLException e) {
			throw new WorkspaceException("test table: " + e.getMessage(), e);
		}
	}

	private static String encode(ExchangeObject object) {
		ObjectNode body = JSON.createObjectNode();
		body.set("content", object.content());
		ArrayNode attachments = body.putArray("attachments");
		for (Attachment attachment : object.attachments()) {
			attachments.addObject().put("name", attachment.name()).put("mediaType", attachment.mediaType())
					.put("raw", attachment.raw()).put("data", Base64.getEncoder().encodeToString(attachment.data()));
		}
		return body.toString();
	}

	private static ExchangeObject decode(String type, String id, String updated, String body)
			throws java.io.IOException {
		JsonNode json = JSON.readTree(body);
		List<Attachment> attachments = new ArrayList<>();
		for (JsonNode item : json.path("attachments")) {
			attachments.add(new Attachment(item.path("name").asText(), item.path("mediaType").asText(),
					Base64.getDecoder().decode(item.path("data").asText()), item.path("raw").asBoolean()));
		}
		return new ExchangeObject(type, id, Instant.parse(updated), (ObjectNode) json.get("content"), attachments);
	}
}

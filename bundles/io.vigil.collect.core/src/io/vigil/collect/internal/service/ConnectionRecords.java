package io.vigil.collect.internal.service;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

import io.vigil.collect.ConnectionDefinition;
import io.vigil.collect.amqp.AmqpSettings;
import io.vigil.core.store.Database;

/** The collector connections in the workspace database ({@link CollectSchema}). Thread-safe. */
final class ConnectionRecords {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final String COLUMNS = "ID, NAME, URI, VIRTUAL_HOST, USERNAME, TRUST_STORE, QUEUE_NAME, BINDINGS,"
			+ " SILENCE_SECONDS, ENABLED, UPDATED";

	private final Database database;

	ConnectionRecords(Database database) {
		this.database = database;
	}

	/** Returns every connection. */
	List<ConnectionDefinition> load() throws SQLException {
		List<ConnectionDefinition> connections = new ArrayList<>();
		try (Connection connection = database.connect();
				PreparedStatement query = connection.prepareStatement("SELECT " + COLUMNS + " FROM COLLECTOR_CONNECTION");
				ResultSet rows = query.executeQuery()) {
			while (rows.next()) {
				String trustStore = rows.getString(6);
				connections.add(new ConnectionDefinition(rows.getString(1), rows.getString(2), rows.getString(3),
						rows.getString(4), rows.getString(5), trustStore == null ? null : Path.of(trustStore),
						rows.getString(7), bindings(rows.getString(8)), Duration.ofSeconds(rows.getLong(9)),
						rows.getBoolean(10)));
			}
		}
		return connections;
	}

	/** Adds a connection, or replaces the one with its id. */
	void save(ConnectionDefinition definition) throws SQLException {
		try (Connection connection = database.connect()) {
			connection.setAutoCommit(false);
			try {
				delete(connection, definition.id());
				insert(connection, definition);
				connection.commit();
			} catch (SQLException | RuntimeException e) {
				connection.rollback();
				throw e;
			}
		}
	}

	private static void insert(Connection connection, ConnectionDefinition definition) throws SQLException {
		try (PreparedStatement insert = connection.prepareStatement(
				"INSERT INTO COLLECTOR_CONNECTION (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
			insert.setString(1, definition.id());
			insert.setString(2, definition.name());
			insert.setString(3, definition.uri());
			insert.setString(4, definition.virtualHost());
			insert.setString(5, definition.username());
			insert.setString(6, definition.trustStore() == null ? null : definition.trustStore().toString());
			insert.setString(7, definition.queue());
			insert.setString(8, json(definition.bindings()));
			insert.setLong(9, definition.silence().toSeconds());
			insert.setBoolean(10, definition.enabled());
			insert.setTimestamp(11, Timestamp.from(Instant.now()));
			insert.executeUpdate();
		}
	}

	/** Removes a connection. */
	void remove(String id) throws SQLException {
		try (Connection connection = database.connect()) {
			delete(connection, id);
		}
	}

	private static void delete(Connection connection, String id) throws SQLException {
		try (PreparedStatement delete = connection.prepareStatement("DELETE FROM COLLECTOR_CONNECTION WHERE ID = ?")) {
			delete.setString(1, id);
			delete.executeUpdate();
		}
	}

	private static String json(List<AmqpSettings.Binding> bindings) {
		ArrayNode array = JSON.createArrayNode();
		for (AmqpSettings.Binding binding : bindings) {
			array.addObject().put("exchange", binding.exchange()).put("type", binding.type())
					.put("routingKey", binding.routingKey());
		}
		return array.toString();
	}

	private static List<AmqpSettings.Binding> bindings(String json) throws SQLException {
		try {
			List<AmqpSettings.Binding> bindings = new ArrayList<>();
			for (JsonNode node : JSON.readTree(json)) {
				bindings.add(new AmqpSettings.Binding(node.path("exchange").asText(), node.path("type").asText(),
						node.path("routingKey").asText()));
			}
			return bindings;
		} catch (JsonProcessingException | IllegalArgumentException e) {
			throw new SQLException("a collector connection's bindings cannot be read: " + e.getMessage(), e);
		}
	}
}

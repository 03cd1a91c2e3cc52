package io.vigil.events.search;

/**
 * A query that cannot be understood. The message says what is wrong; the position says where,
 * so that a query bar can point at it.
 */
public final class QuerySyntaxException extends Exception {

	private static final long serialVersionUID = 1L;

	private final String query;
	private final int position;

	/**
	 * Creates the exception.
	 *
	 * @param message what is wrong, without the position
	 * @param query the query as the user wrote it
	 * @param position where in the query, counting characters from 0 (may equal its length for
	 *            "unexpected end")
	 */
	public QuerySyntaxException(String message, String query, int position) {
		super(message);
		this.query = query;
		this.position = Math.max(0, Math.min(position, query.length()));
	}

	/** Returns the query as written. */
	public String query() {
		return query;
	}

	/** Returns the position of the problem, counting from 0. */
	public int position() {
		return position;
	}

	/** Returns the message followed by the column, counting from 1: {@code ... (at column 12)}. */
	public String describe() {
		return getMessage() + " (at column " + (position + 1) + ")";
	}

	/** Returns the query with a caret under the problem, on two lines, for a terminal. */
	public String pointer() {
		return query + System.lineSeparator() + " ".repeat(position) + "^";
	}
}

package io.vigil.collect.ui.internal;

import org.eclipse.osgi.util.NLS;

/** The user-visible strings of the collectors UI. */
final class Messages extends NLS {

	private static final String BUNDLE_NAME = "io.vigil.collect.ui.internal.messages";

	public static String Binding_add;
	public static String Binding_defaults;
	public static String Binding_exchange;
	public static String Binding_noExchange;
	public static String Binding_remove;
	public static String Binding_routingKey;
	public static String Binding_type;
	public static String Connection_addTitle;
	public static String Connection_bindings;
	public static String Connection_browse;
	public static String Connection_editTitle;
	public static String Connection_enabled;
	public static String Connection_message;
	public static String Connection_minutes;
	public static String Connection_name;
	public static String Connection_noSecret;
	public static String Connection_password;
	public static String Connection_queue;
	public static String Connection_silence;
	public static String Connection_storedSecret;
	public static String Connection_test;
	public static String Connection_testFailed;
	public static String Connection_testJob;
	public static String Connection_testOk;
	public static String Connection_testing;
	public static String Connection_trustStore;
	public static String Connection_trustStorePassword;
	public static String Connection_uri;
	public static String Connection_user;
	public static String Connection_virtualHost;
	public static String Connection_virtualHostHint;
	public static String Health_configure;
	public static String Health_httpListening;
	public static String Health_httpOff;
	public static String Health_httpProblem;
	public static String Health_httpStarting;
	public static String Health_httpToggle;
	public static String Health_httpToggleTip;
	public static String Health_kind;
	public static String Health_lag;
	public static String Health_lastEvent;
	public static String Health_never;
	public static String Health_noService;
	public static String Health_partLabel;
	public static String Health_partLabelWarning;
	public static String Health_rate;
	public static String Health_rejected;
	public static String Health_silent;
	public static String Health_sensorReporting;
	public static String Health_sensorSilent;
	public static String Health_source;
	public static String Health_state;
	public static String Health_total;
	public static String Kind_connection;
	public static String Kind_http;
	public static String Kind_sensor;
	public static String Preferences_add;
	public static String Preferences_broker;
	public static String Preferences_connections;
	public static String Preferences_description;
	public static String Preferences_disabled;
	public static String Preferences_edit;
	public static String Preferences_host;
	public static String Preferences_http;
	public static String Preferences_httpAbout;
	public static String Preferences_kilobytes;
	public static String Preferences_maxBody;
	public static String Preferences_name;
	public static String Preferences_port;
	public static String Preferences_queue;
	public static String Preferences_remove;
	public static String Preferences_removeMessage;
	public static String Preferences_removeTitle;
	public static String Preferences_requireToken;
	public static String Preferences_silence;
	public static String Preferences_state;
	public static String Preferences_tokenHint;
	public static String Preferences_tokenMissing;

	static {
		NLS.initializeMessages(BUNDLE_NAME, Messages.class);
	}

	private Messages() {
	}
}

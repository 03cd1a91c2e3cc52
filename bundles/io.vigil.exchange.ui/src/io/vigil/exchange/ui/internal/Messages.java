package io.vigil.exchange.ui.internal;

import org.eclipse.osgi.util.NLS;

/** The user-visible strings of the exchange UI. */
final class Messages extends NLS {

	private static final String BUNDLE_NAME = "io.vigil.exchange.ui.internal.messages";

	public static String Export_attachments;
	public static String Export_browse;
	public static String Export_done;
	public static String Export_dropped;
	public static String Export_droppedValue;
	public static String Export_encrypted;
	public static String Export_export;
	public static String Export_failed;
	public static String Export_fieldColumn;
	public static String Export_heading;
	public static String Export_message;
	public static String Export_needFile;
	public static String Export_needPassphrase;
	public static String Export_noOwnKey;
	public static String Export_notEncrypted;
	public static String Export_objects;
	public static String Export_out;
	public static String Export_passphrase;
	public static String Export_preview;
	public static String Export_previewColumn;
	public static String Export_profile;
	public static String Export_profileDefault;
	public static String Export_pseudonymColumn;
	public static String Export_recipients;
	public static String Export_recipientsHint;
	public static String Export_replaced;
	public static String Export_running;
	public static String Export_signKey;
	public static String Export_title;
	public static String Export_valueColumn;
	public static String Export_warning;
	public static String Import_actionColumn;
	public static String Import_close;
	public static String Import_decisionColumn;
	public static String Import_details;
	public static String Import_detailsText;
	public static String Import_encrypted;
	public static String Import_failed;
	public static String Import_fileTitle;
	public static String Import_heading;
	public static String Import_known;
	public static String Import_knownShort;
	public static String Import_unknownShort;
	public static String Import_merge;
	public static String Import_mergeFailed;
	public static String Import_merged;
	public static String Import_objectColumn;
	public static String Import_ours;
	public static String Import_plan;
	public static String Import_rejected;
	public static String Import_remember;
	public static String Import_sha;
	public static String Import_signer;
	public static String Import_theirs;
	public static String Import_title;
	public static String Import_tlp;
	public static String Import_unknown;
	public static String Job_export;
	public static String Job_keys;
	public static String Job_merge;
	public static String Job_newKey;
	public static String Job_open;
	public static String Job_prepare;
	public static String Job_preview;
	public static String Keys_badName;
	public static String Keys_created;
	public static String Keys_description;
	public static String Keys_emptyPassphrase;
	public static String Keys_exportPublic;
	public static String Keys_exportTitle;
	public static String Keys_failed;
	public static String Keys_fingerprint;
	public static String Keys_importPublic;
	public static String Keys_imported;
	public static String Keys_kind;
	public static String Keys_knownOnly;
	public static String Keys_mismatch;
	public static String Keys_name;
	public static String Keys_new;
	public static String Keys_newMessage;
	public static String Keys_newTitle;
	public static String Keys_noWorkspace;
	public static String Keys_own;
	public static String Keys_passphrase;
	public static String Keys_public;
	public static String Keys_repeat;
	public static String Keys_selectFirst;
	public static String Passphrase_message;
	public static String Passphrase_none;
	public static String Passphrase_title;

	static {
		NLS.initializeMessages(BUNDLE_NAME, Messages.class);
	}

	private Messages() {
	}
}

package io.vigil.incidents.ui.internal;

import org.eclipse.osgi.util.NLS;

/** The user-visible strings of the incidents UI. */
final class Messages extends NLS {

	private static final String BUNDLE_NAME = "io.vigil.incidents.ui.internal.messages";

	public static String Editor_action;
	public static String Editor_add;
	public static String Editor_addEvidence;
	public static String Editor_addNote;
	public static String Editor_addObservable;
	public static String Editor_addTask;
	public static String Editor_addedAt;
	public static String Editor_addedBy;
	public static String Editor_analysis;
	public static String Editor_assignee;
	public static String Editor_author;
	public static String Editor_comment;
	public static String Editor_detail;
	public static String Editor_done;
	public static String Editor_due;
	public static String Editor_dueHint;
	public static String Editor_evidence;
	public static String Editor_evidenceJob;
	public static String Editor_hash;
	public static String Editor_heading;
	public static String Editor_kind;
	public static String Editor_lessons;
	public static String Editor_loadFailed;
	public static String Editor_loadJob;
	public static String Editor_mitigations;
	public static String Editor_name;
	public static String Editor_none;
	public static String Editor_noteHint;
	public static String Editor_noteJob;
	public static String Editor_notes;
	public static String Editor_observableJob;
	public static String Editor_observables;
	public static String Editor_overview;
	public static String Editor_referenceHint;
	public static String Editor_references;
	public static String Editor_remove;
	public static String Editor_save;
	public static String Editor_saveFailed;
	public static String Editor_saveJob;
	public static String Editor_saveTip;
	public static String Editor_saved;
	public static String Editor_searchEvents;
	public static String Editor_searchEventsTip;
	public static String Editor_size;
	public static String Editor_summary;
	public static String Editor_task;
	public static String Editor_taskJob;
	public static String Editor_tasks;
	public static String Editor_techniqueHint;
	public static String Editor_techniques;
	public static String Editor_text;
	public static String Editor_theories;
	public static String Editor_time;
	public static String Editor_timeHint;
	public static String Editor_title;
	public static String Editor_value;
	public static String Editor_who;
	public static String Exchange_export;
	public static String Exchange_import;
	public static String Exchange_missing;
	public static String Exchange_noIncident;
	public static String List_any;
	public static String List_count;
	public static String List_createFailed;
	public static String List_createJob;
	public static String List_failed;
	public static String List_id;
	public static String List_job;
	public static String List_new;
	public static String List_newTip;
	public static String List_noService;
	public static String List_owner;
	public static String List_ownerHint;
	public static String List_phase;
	public static String List_severity;
	public static String List_status;
	public static String List_title;
	public static String List_tlp;
	public static String List_updated;
	public static String Mark_comment;
	public static String Mark_tags;
	public static String Mark_tagsHint;
	public static String Mark_title;
	public static String New_incidentTitle;
	public static String New_title;
	public static String Timeline_alertJob;
	public static String Timeline_axes;
	public static String Timeline_csv;
	public static String Timeline_details;
	public static String Timeline_exportFailed;
	public static String Timeline_exportJob;
	public static String Timeline_exported;
	public static String Timeline_fit;
	public static String Timeline_heading;
	public static String Timeline_json;
	public static String Timeline_keys;
	public static String Timeline_kindTip;
	public static String Timeline_lanes;
	public static String Timeline_loadFailed;
	public static String Timeline_loadJob;
	public static String Timeline_mark;
	public static String Timeline_markFailed;
	public static String Timeline_markJob;
	public static String Timeline_noAlert;
	public static String Timeline_noLane;
	public static String Timeline_noSelection;
	public static String Timeline_none;
	public static String Timeline_png;
	public static String Timeline_show;
	public static String Timeline_star;

	public static String Job_promote;
	public static String Job_list;
	public static String Promote_title;
	public static String Promote_eventsTitle;
	public static String Promote_message;
	public static String Promote_events;
	public static String Promote_alerts;
	public static String Promote_new;
	public static String Promote_existing;
	public static String Promote_nothing;
	public static String Promote_noService;
	public static String Promote_done;
	public static String Promote_missing;
	public static String Promote_failed;
	public static String Promote_needTitle;
	public static String Promote_kinds;

	static {
		NLS.initializeMessages(BUNDLE_NAME, Messages.class);
	}

	private Messages() {
	}
}

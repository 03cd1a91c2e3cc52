package io.vigil.rules.ui.internal;

/**
 * The text in the Rule Editor as it was last checked, which the test pane runs. The editor keeps
 * it in the application's context, so that a test pane opened later finds it too.
 *
 * @param title the title of the rule it began as
 * @param text the rule text
 * @param file the name it is checked and saved under
 */
record EditedRule(String title, String text, String file) {
}

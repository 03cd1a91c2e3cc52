package io.vigil.rules.ui.internal;

/**
 * The text in the Rule Editor, as the test pane runs it.
 *
 * @param text the rule text
 * @param file the name it is checked and saved under
 */
record EditedRule(String text, String file) {
}

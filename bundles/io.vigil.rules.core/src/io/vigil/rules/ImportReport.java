package io.vigil.rules;

import java.util.List;

/**
 * What importing rule files did.
 *
 * @param files how many files were read
 * @param imported how many rules were imported (new or changed)
 * @param unchanged how many were in the library already with the same text
 * @param unsupported the rules (or files) that could not be imported, each with its reason
 */
public record ImportReport(int files, int imported, int unchanged, List<RuleProblem> unsupported) {

	public ImportReport {
		unsupported = List.copyOf(unsupported);
	}
}

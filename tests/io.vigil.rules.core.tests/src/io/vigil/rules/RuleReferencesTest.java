package io.vigil.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.vigil.core.workspace.Workspace;
import io.vigil.events.EventWorkspace;

/** A correlation tested before it is saved finds the library rules it names, as it will when it runs. */
class RuleReferencesTest {

	private static final String BASE = """
			title: Failed login
			name: failed_login
			id: 0b7d8f51-31a4-4c1e-8c43-6a3c8e9f7a02
			logsource: {category: authentication}
			detection:
			  selection: {details.success: false}
			  condition: selection
			level: low
			""";
	private static final String CORRELATION = """
			title: Brute force from one address
			id: 9d3e2b17-6c0f-4f55-b1a2-2f8c4e7d9b03
			correlation:
			  type: event_count
			  rules: [%s]
			  group-by: [details.sourceipaddress]
			  timespan: 1h
			  condition: {gte: 4}
			level: high
			""";

	@TempDir
	Path folder;
	private Workspace workspace;
	private EventWorkspace events;
	private RuleWorkspace rules;

	@BeforeEach
	void open() throws Exception {
		workspace = Workspace.open(folder.resolve("ws"), "test");
		events = EventWorkspace.open(workspace, Clock.systemUTC());
		rules = RuleWorkspace.open(events);
		rules.library().save(BASE, "failed.yml");
	}

	@AfterEach
	void close() throws Exception {
		events.close();
		workspace.close();
	}

	private List<Rule> compiled(String text) {
		CompileResult result = rules.compiler().compile(text, "edited.yml");
		assertEquals(List.of(), result.problems());
		return result.rules();
	}

	@Test
	void aCorrelationGetsTheLibraryRuleItNamesSilenced() throws Exception {
		List<Rule> chosen = rules.library().withReferences(compiled(CORRELATION.formatted("failed_login")));

		assertEquals(List.of("9d3e2b17-6c0f-4f55-b1a2-2f8c4e7d9b03", "0b7d8f51-31a4-4c1e-8c43-6a3c8e9f7a02"),
				chosen.stream().map(Rule::id).toList());
		assertTrue(chosen.get(0).generate());
		assertFalse(chosen.get(1).generate(), "a rule a correlation uses raises no alerts of its own");
	}

	@Test
	void aReferenceByIdWorksToo() throws Exception {
		List<Rule> chosen = rules.library()
				.withReferences(compiled(CORRELATION.formatted("0b7d8f51-31a4-4c1e-8c43-6a3c8e9f7a02")));

		assertEquals(2, chosen.size());
	}

	@Test
	void aRuleTheTextHoldsIsNotTakenFromTheLibrary() throws Exception {
		String both = BASE.replace("level: low", "level: medium") + "---\n" + CORRELATION.formatted("failed_login");

		List<Rule> chosen = rules.library().withReferences(compiled(both));

		assertEquals(2, chosen.size());
		Rule base = chosen.stream().filter(rule -> rule.kind() == RuleKind.SIGMA).findFirst().orElseThrow();
		assertEquals(RuleLevel.MEDIUM, base.header().level(), "the edited text, not the library's");
		assertFalse(base.generate());
	}

	@Test
	void aSingleRuleComesBackAsItIs() throws Exception {
		List<Rule> own = compiled(BASE);

		assertEquals(own, rules.library().withReferences(own));
	}
}
